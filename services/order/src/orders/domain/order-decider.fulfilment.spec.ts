import { makeOrderDecider } from './order-decider';
import {
  confirmReceipt,
  deliver,
  given,
  hoursAfterT0,
  ORDER_ID,
  ORDER_TOTAL,
  pay,
  placeOrder,
  returnParcel,
  rulebook,
  ship,
  timerCommand,
  typesOf,
  withRulebook,
} from '../testing/order-fixtures';

const paidAt = hoursAfterT0(1);
const shipBy = hoursAfterT0(1 + 72);
const paidOrder = () => [placeOrder(), pay(paidAt)];
const codOrder = () => [placeOrder({ paymentMethod: 'cod' })];

describe('CheckShipByDeadline (timer)', () => {
  it('given a paid order not dispatched at shipBy, when checked, then ShipByDeadlineMissed carries what a compensation needs', () => {
    const { events, state } = given(paidOrder()).when(timerCommand('CheckShipByDeadline', shipBy));

    expect(events).toEqual([
      {
        type: 'ShipByDeadlineMissed',
        data: {
          orderId: ORDER_ID,
          shopId: 'shop-1',
          buyerId: 'buyer-1',
          shipBy,
          detectedAt: shipBy,
          paymentMethod: 'online',
          paidAmount: ORDER_TOTAL,
          itemsTotal: ORDER_TOTAL - 1000,
          shippingFee: 1000,
          total: ORDER_TOTAL,
          currency: 'CNY',
          rulebookVersion: rulebook.version,
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'awaiting_shipment', shipByMissedAt: shipBy });
  });

  it('given a COD order not dispatched at shipBy, when checked, then the miss is recorded with paidAmount 0', () => {
    const { events } = given(codOrder()).when(timerCommand('CheckShipByDeadline', hoursAfterT0(72)));

    expect(events[0]).toMatchObject({ type: 'ShipByDeadlineMissed', data: { paymentMethod: 'cod', paidAmount: 0, total: ORDER_TOTAL } });
  });

  it.each([
    ['shipBy has not come', paidOrder(), hoursAfterT0(72)],
    ['the order was dispatched', [...paidOrder(), ship()], shipBy],
    ['the miss was recorded', [...paidOrder(), timerCommand('CheckShipByDeadline', shipBy)], hoursAfterT0(100)],
    ['the order is unpaid', [placeOrder()], shipBy],
  ])('given %s, when checked, then nothing happens', (_case, history, at) => {
    expect(given(history).when(timerCommand('CheckShipByDeadline', at)).events).toEqual([]);
  });
});

describe('MarkShipped (logistics ShipmentDispatched)', () => {
  it('given a paid order, when dispatched, then it is shipped with autoConfirmAt 10 days after dispatch', () => {
    const dispatchedAt = hoursAfterT0(24);

    const { events, state } = given(paidOrder()).when(ship(dispatchedAt));

    expect(events).toEqual([
      {
        type: 'OrderShipped',
        data: {
          orderId: ORDER_ID,
          shipmentId: 'shp-1',
          carrier: 'sf',
          trackingNo: 'SF-shp-1',
          dispatchedAt,
          shipBy,
          late: false,
          autoConfirmAt: hoursAfterT0(24 + 240),
          autoConfirmReceiptDays: 10,
          rulebookVersion: rulebook.version,
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'shipped', shipment: { shipmentId: 'shp-1' }, deadlines: { autoConfirmAt: hoursAfterT0(264) } });
  });

  it('given a rulebook with 7 auto-confirm days, when dispatched, then autoConfirmAt follows it', () => {
    const decider = makeOrderDecider(withRulebook({ autoConfirmReceiptDays: 7 }));

    const { events } = given(paidOrder(), decider).when(ship(hoursAfterT0(24)));

    expect(events[0].data).toMatchObject({ autoConfirmAt: hoursAfterT0(24 + 168), autoConfirmReceiptDays: 7, rulebookVersion: 'test-v2' });
  });

  it('given the ship-by check has not fired, when dispatched after shipBy, then the miss is recorded before the shipment', () => {
    const { events } = given(paidOrder()).when(ship(hoursAfterT0(80)));

    expect(typesOf(events)).toEqual(['ShipByDeadlineMissed', 'OrderShipped']);
    expect(events[1].data).toMatchObject({ late: true });
  });

  it('given the miss was already recorded, when dispatched late, then it is not recorded twice', () => {
    const { events } = given([...paidOrder(), timerCommand('CheckShipByDeadline', shipBy)]).when(ship(hoursAfterT0(80)));

    expect(typesOf(events)).toEqual(['OrderShipped']);
  });

  it('given a shipped order, when the same dispatch is reported again, then nothing happens', () => {
    expect(given([...paidOrder(), ship()]).when(ship()).events).toEqual([]);
  });

  it('given an unpaid order, when dispatched, then 409 names awaiting_payment', () => {
    expect(given([placeOrder()]).whenRefused(ship())).toMatchObject({ kind: 'conflict', details: { currentStatus: 'awaiting_payment' } });
  });

  it('given a COD order, when dispatched, then it is shipped', () => {
    expect(typesOf(given(codOrder()).when(ship()).events)).toEqual(['OrderShipped']);
  });
});

describe('MarkDelivered (logistics ShipmentDelivered)', () => {
  it('given a shipped online order, when delivered, then it is delivered and nothing is collected', () => {
    const { events, state } = given([...paidOrder(), ship()]).when(deliver(hoursAfterT0(48)));

    expect(events).toEqual([{ type: 'OrderDelivered', data: { orderId: ORDER_ID, shipmentId: 'shp-1', deliveredAt: hoursAfterT0(48) } }]);
    expect(state).toMatchObject({ status: 'delivered', deliveredAt: hoursAfterT0(48), paidAmount: ORDER_TOTAL });
  });

  it('given a shipped COD order, when delivered, then the carrier collected the total: paidAmount becomes the total', () => {
    const { events, state } = given([...codOrder(), ship()]).when(deliver(hoursAfterT0(48)));

    expect(events).toEqual([
      { type: 'OrderDelivered', data: { orderId: ORDER_ID, shipmentId: 'shp-1', deliveredAt: hoursAfterT0(48) } },
      {
        type: 'CashOnDeliveryCollected',
        data: {
          orderId: ORDER_ID,
          shopId: 'shop-1',
          shipmentId: 'shp-1',
          amount: ORDER_TOTAL,
          currency: 'CNY',
          collectedAt: hoursAfterT0(48),
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'delivered', paidAmount: ORDER_TOTAL, paidAt: hoursAfterT0(48) });
  });

  it.each([
    ['delivered', [...paidOrder(), ship(), deliver()]],
    ['completed', [...paidOrder(), ship(), deliver(), confirmReceipt()]],
  ])('given a %s order, when the delivery is reported again, then nothing happens', (_status, history) => {
    expect(given(history).when(deliver()).events).toEqual([]);
  });

  it('given the parcel was returned and reshipped, when the old parcel is reported delivered, then nothing happens', () => {
    const history = [...paidOrder(), ship(), returnParcel(hoursAfterT0(60)), ship(hoursAfterT0(70), 'shp-2')];

    expect(given(history).when(deliver(hoursAfterT0(80), 'shp-1')).events).toEqual([]);
  });

  it('given a paid order not dispatched, when delivered, then 409 names awaiting_shipment', () => {
    expect(given(paidOrder()).whenRefused(deliver())).toMatchObject({ kind: 'conflict', details: { currentStatus: 'awaiting_shipment' } });
  });
});

describe('MarkReturned (logistics ShipmentReturned)', () => {
  it('given a shipped COD order, when the refused parcel is back, then it is returned and the order closes', () => {
    const { events, state } = given([...codOrder(), ship()]).when(returnParcel(hoursAfterT0(96)));

    expect(events).toEqual([
      {
        type: 'OrderReturnedToMerchant',
        data: {
          orderId: ORDER_ID,
          shipmentId: 'shp-1',
          reason: 'refused',
          paymentMethod: 'cod',
          paidAmount: 0,
          returnedAt: hoursAfterT0(96),
        },
      },
      {
        type: 'OrderClosed',
        data: expect.objectContaining({ reason: 'returned_to_merchant', previousStatus: 'shipped', paidAmount: 0 }),
      },
    ]);
    expect(state).toMatchObject({ status: 'closed', closeReason: 'returned_to_merchant' });
  });

  it('given a shipped online order, when the parcel is back undelivered, then it awaits shipment again without auto-confirm', () => {
    const { events, state } = given([...paidOrder(), ship()]).when(returnParcel(hoursAfterT0(96), 'shp-1', 'undeliverable'));

    expect(typesOf(events)).toEqual(['OrderReturnedToMerchant']);
    expect(events[0].data).toMatchObject({ paymentMethod: 'online', paidAmount: ORDER_TOTAL, reason: 'undeliverable' });
    expect(state).toMatchObject({ status: 'awaiting_shipment', returnedToMerchant: { shipmentId: 'shp-1' } });
    expect(state?.shipment).toBeUndefined();
    expect(state?.deadlines.autoConfirmAt).toBeUndefined();
  });

  it('given a returned online order, when reshipped after shipBy, then it ships without a late-shipment miss', () => {
    const history = [...paidOrder(), ship(hoursAfterT0(24)), returnParcel(hoursAfterT0(70))];

    const { events, state } = given(history).when(ship(hoursAfterT0(100), 'shp-2'));

    expect(typesOf(events)).toEqual(['OrderShipped']);
    expect(state).toMatchObject({ status: 'shipped', shipment: { shipmentId: 'shp-2' } });
  });

  it('given a returned parcel, when the return is reported again, then nothing happens', () => {
    expect(given([...codOrder(), ship(), returnParcel()]).when(returnParcel()).events).toEqual([]);
  });

  it('given a delivered order, when a return is reported, then 409 names delivered', () => {
    expect(given([...paidOrder(), ship(), deliver()]).whenRefused(returnParcel())).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: 'delivered' },
    });
  });
});

describe('ConfirmReceipt (buyer)', () => {
  it.each([
    ['shipped', [...paidOrder(), ship()]],
    ['delivered', [...paidOrder(), ship(), deliver()]],
  ])('given a %s order, when the buyer confirms receipt, then it is completed', (_status, history) => {
    const { events, state } = given(history).when(confirmReceipt(hoursAfterT0(72)));

    expect(events).toEqual([
      {
        type: 'ReceiptConfirmed',
        data: {
          orderId: ORDER_ID,
          shopId: 'shop-1',
          confirmedBy: 'buyer',
          confirmedAt: hoursAfterT0(72),
          autoConfirmAt: hoursAfterT0(264),
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'completed', receiptConfirmedBy: 'buyer', completedAt: hoursAfterT0(72) });
  });

  it.each([
    ['awaiting_shipment', paidOrder()],
    ['completed', [...paidOrder(), ship(), confirmReceipt()]],
  ])('given a %s order, when the buyer confirms receipt, then 409 names the status', (status, history) => {
    expect(given(history).whenRefused(confirmReceipt(hoursAfterT0(80)))).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: status },
    });
  });
});

describe('AutoConfirmReceipt (timer)', () => {
  const autoConfirmAt = hoursAfterT0(24 + 240);

  it('given a delivered order at autoConfirmAt, when the timer fires, then receipt is confirmed automatically citing the rulebook', () => {
    const { events, state } = given([...paidOrder(), ship(), deliver()]).when(timerCommand('AutoConfirmReceipt', autoConfirmAt));

    expect(events[0]).toEqual({
      type: 'ReceiptConfirmed',
      data: {
        orderId: ORDER_ID,
        shopId: 'shop-1',
        confirmedBy: 'auto',
        confirmedAt: autoConfirmAt,
        autoConfirmAt,
        rulebookVersion: rulebook.version,
      },
    });
    expect(state).toMatchObject({ status: 'completed', receiptConfirmedBy: 'auto' });
  });

  it.each([
    ['autoConfirmAt has not come', [...paidOrder(), ship()], hoursAfterT0(200)],
    ['the buyer confirmed', [...paidOrder(), ship(), confirmReceipt()], autoConfirmAt],
    ['the parcel came back', [...paidOrder(), ship(), returnParcel()], autoConfirmAt],
  ])('given %s, when the timer fires, then nothing happens', (_case, history, at) => {
    expect(given(history).when(timerCommand('AutoConfirmReceipt', at)).events).toEqual([]);
  });
});
