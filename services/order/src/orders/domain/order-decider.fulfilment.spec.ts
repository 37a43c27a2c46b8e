import { deciderSpec } from '@aftersales/kernel/testing';
import { makeOrderDecider, orderDecider } from './order-decider';
import {
  confirmReceipt,
  deliver,
  hoursAfterT0,
  ORDER_TOTAL,
  returnParcel,
  rulebook,
  ship,
  timerCommand,
  withRulebook,
} from '../testing/order-fixtures';
import {
  cashOnDeliveryCollected,
  codOrder,
  deliveredOrder,
  orderClosedReturned,
  orderDelivered,
  orderPlaced,
  orderReturnedToMerchant,
  orderShipped,
  paidOrder,
  receiptConfirmed,
  shipByDeadlineMissed,
  shippedCodOrder,
  shippedOrder,
} from '../testing/order-events';

const spec = deciderSpec(orderDecider);
const shipBy = hoursAfterT0(1 + 72);

describe('CheckShipByDeadline (timer)', () => {
  it('given a paid order not dispatched at shipBy, when checked, then ShipByDeadlineMissed carries what a compensation needs', () => {
    const { state } = spec
      .given(paidOrder())
      .when(timerCommand('CheckShipByDeadline', shipBy))
      .then([
        shipByDeadlineMissed({
          shipBy,
          detectedAt: shipBy,
          paymentMethod: 'online',
          paidAmount: ORDER_TOTAL,
          itemsTotal: ORDER_TOTAL - 1000,
          shippingFee: 1000,
          total: ORDER_TOTAL,
        }),
      ]);

    expect(state).toMatchObject({ status: 'awaiting_shipment', shipByMissedAt: shipBy });
  });

  it('given a COD order not dispatched at shipBy, when checked, then the miss is recorded with paidAmount 0', () => {
    const codShipBy = hoursAfterT0(72);

    spec
      .given(codOrder())
      .when(timerCommand('CheckShipByDeadline', codShipBy))
      .then([shipByDeadlineMissed({ shipBy: codShipBy, detectedAt: codShipBy, paymentMethod: 'cod', paidAmount: 0, total: ORDER_TOTAL })]);
  });

  it.each([
    ['shipBy has not come', paidOrder(), hoursAfterT0(72)],
    ['the order was dispatched', shippedOrder(), shipBy],
    ['the miss was recorded', [...paidOrder(), shipByDeadlineMissed()], hoursAfterT0(100)],
    ['the order is unpaid', [orderPlaced()], shipBy],
  ])('given %s, when checked, then nothing happens', (_case, history, at) => {
    spec.given(history).when(timerCommand('CheckShipByDeadline', at)).thenNothing();
  });
});

describe('MarkShipped (logistics ShipmentDispatched)', () => {
  it('given a paid order, when dispatched, then it is shipped with autoConfirmAt 10 days after dispatch', () => {
    const dispatchedAt = hoursAfterT0(24);

    const { state } = spec
      .given(paidOrder())
      .when(ship(dispatchedAt))
      .then([
        orderShipped({
          shipmentId: 'shp-1',
          trackingNo: 'SF-shp-1',
          dispatchedAt,
          shipBy,
          late: false,
          autoConfirmAt: hoursAfterT0(24 + 240),
          autoConfirmReceiptDays: 10,
          rulebookVersion: rulebook.version,
        }),
      ]);

    expect(state).toMatchObject({ status: 'shipped', shipment: { shipmentId: 'shp-1' }, deadlines: { autoConfirmAt: hoursAfterT0(264) } });
  });

  it('given a rulebook with 7 auto-confirm days, when dispatched, then autoConfirmAt follows it', () => {
    const decider = makeOrderDecider(withRulebook({ autoConfirmReceiptDays: 7 }));

    deciderSpec(decider)
      .given(paidOrder())
      .when(ship(hoursAfterT0(24)))
      .then([orderShipped({ autoConfirmAt: hoursAfterT0(24 + 168), autoConfirmReceiptDays: 7, rulebookVersion: 'test-v2' })]);
  });

  it('given the ship-by check has not fired, when dispatched after shipBy, then the miss is recorded before the shipment', () => {
    const dispatchedAt = hoursAfterT0(80);

    spec
      .given(paidOrder())
      .when(ship(dispatchedAt))
      .then([shipByDeadlineMissed({ detectedAt: dispatchedAt }), orderShipped({ dispatchedAt, late: true })]);
  });

  it('given the miss was already recorded, when dispatched late, then it is not recorded twice', () => {
    const dispatchedAt = hoursAfterT0(80);

    spec
      .given([...paidOrder(), shipByDeadlineMissed()])
      .when(ship(dispatchedAt))
      .then([orderShipped({ dispatchedAt, late: true })]);
  });

  it('given a shipped order, when the same dispatch is reported again, then nothing happens', () => {
    spec.given(shippedOrder()).when(ship()).thenNothing();
  });

  it('given an unpaid order, when dispatched, then 409 names awaiting_payment', () => {
    const error = spec.given([orderPlaced()]).when(ship()).thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'awaiting_payment' } });
  });

  it('given a COD order, when dispatched, then it is shipped', () => {
    spec
      .given(codOrder())
      .when(ship())
      .then([orderShipped({ shipBy: hoursAfterT0(72) })]);
  });
});

describe('MarkDelivered (logistics ShipmentDelivered)', () => {
  it('given a shipped online order, when delivered, then it is delivered and nothing is collected', () => {
    const deliveredAt = hoursAfterT0(48);

    const { state } = spec
      .given(shippedOrder())
      .when(deliver(deliveredAt))
      .then([orderDelivered({ shipmentId: 'shp-1', deliveredAt })]);

    expect(state).toMatchObject({ status: 'delivered', deliveredAt, paidAmount: ORDER_TOTAL });
  });

  it('given a shipped COD order, when delivered, then the carrier collected the total: paidAmount becomes the total', () => {
    const deliveredAt = hoursAfterT0(48);

    const { state } = spec
      .given(shippedCodOrder())
      .when(deliver(deliveredAt))
      .then([
        orderDelivered({ shipmentId: 'shp-1', deliveredAt }),
        cashOnDeliveryCollected({ shipmentId: 'shp-1', amount: ORDER_TOTAL, currency: 'CNY', collectedAt: deliveredAt }),
      ]);

    expect(state).toMatchObject({ status: 'delivered', paidAmount: ORDER_TOTAL, paidAt: deliveredAt });
  });

  it.each([
    ['delivered', deliveredOrder()],
    ['completed', [...deliveredOrder(), receiptConfirmed()]],
  ])('given a %s order, when the delivery is reported again, then nothing happens', (_status, history) => {
    spec.given(history).when(deliver()).thenNothing();
  });

  it('given the parcel was returned and reshipped, when the old parcel is reported delivered, then nothing happens', () => {
    const history = [
      ...shippedOrder(),
      orderReturnedToMerchant({ returnedAt: hoursAfterT0(60) }),
      orderShipped({ dispatchedAt: hoursAfterT0(70), shipmentId: 'shp-2' }),
    ];

    spec
      .given(history)
      .when(deliver(hoursAfterT0(80), 'shp-1'))
      .thenNothing();
  });

  it('given a paid order not dispatched, when delivered, then 409 names awaiting_shipment', () => {
    const error = spec.given(paidOrder()).when(deliver()).thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'awaiting_shipment' } });
  });
});

describe('MarkReturned (logistics ShipmentReturned)', () => {
  const codReturned = [orderReturnedToMerchant({ paymentMethod: 'cod', paidAmount: 0 }), orderClosedReturned()];

  it('given a shipped COD order, when the refused parcel is back, then it is returned and the order closes', () => {
    const { state } = spec
      .given(shippedCodOrder())
      .when(returnParcel(hoursAfterT0(96)))
      .then([
        orderReturnedToMerchant({
          shipmentId: 'shp-1',
          reason: 'refused',
          paymentMethod: 'cod',
          paidAmount: 0,
          returnedAt: hoursAfterT0(96),
        }),
        orderClosedReturned({ reason: 'returned_to_merchant', previousStatus: 'shipped', paidAmount: 0 }),
      ]);

    expect(state).toMatchObject({ status: 'closed', closeReason: 'returned_to_merchant' });
  });

  it('given a shipped online order, when the parcel is back undelivered, then it awaits shipment again without auto-confirm', () => {
    const { state } = spec
      .given(shippedOrder())
      .when(returnParcel(hoursAfterT0(96), 'shp-1', 'undeliverable'))
      .then([orderReturnedToMerchant({ paymentMethod: 'online', paidAmount: ORDER_TOTAL, reason: 'undeliverable' })]);

    expect(state).toMatchObject({ status: 'awaiting_shipment', returnedToMerchant: { shipmentId: 'shp-1' } });
    expect(state?.shipment).toBeUndefined();
    expect(state?.deadlines.autoConfirmAt).toBeUndefined();
  });

  it('given a returned online order, when reshipped after shipBy, then it ships without a late-shipment miss', () => {
    const history = [...shippedOrder(), orderReturnedToMerchant({ returnedAt: hoursAfterT0(70) })];
    const dispatchedAt = hoursAfterT0(100);

    const { state } = spec
      .given(history)
      .when(ship(dispatchedAt, 'shp-2'))
      .then([orderShipped({ shipmentId: 'shp-2', dispatchedAt, late: true })]);

    expect(state).toMatchObject({ status: 'shipped', shipment: { shipmentId: 'shp-2' } });
  });

  it('given a returned parcel, when the return is reported again, then nothing happens', () => {
    spec
      .given([...shippedCodOrder(), ...codReturned])
      .when(returnParcel())
      .thenNothing();
  });

  it('given a delivered order, when a return is reported, then 409 names delivered', () => {
    const error = spec.given(deliveredOrder()).when(returnParcel()).thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'delivered' } });
  });
});

describe('ConfirmReceipt (buyer)', () => {
  it.each([
    ['shipped', shippedOrder()],
    ['delivered', deliveredOrder()],
  ])('given a %s order, when the buyer confirms receipt, then it is completed', (_status, history) => {
    const { state } = spec
      .given(history)
      .when(confirmReceipt(hoursAfterT0(72)))
      .then([receiptConfirmed({ confirmedBy: 'buyer', confirmedAt: hoursAfterT0(72), autoConfirmAt: hoursAfterT0(264) })]);

    expect(state).toMatchObject({ status: 'completed', receiptConfirmedBy: 'buyer', completedAt: hoursAfterT0(72) });
  });

  it.each([
    ['awaiting_shipment', paidOrder()],
    ['completed', [...shippedOrder(), receiptConfirmed()]],
  ])('given a %s order, when the buyer confirms receipt, then 409 names the status', (status, history) => {
    const error = spec
      .given(history)
      .when(confirmReceipt(hoursAfterT0(80)))
      .thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: status } });
  });
});

describe('AutoConfirmReceipt (timer)', () => {
  const autoConfirmAt = hoursAfterT0(24 + 240);

  it('given a delivered order at autoConfirmAt, when the timer fires, then receipt is confirmed automatically citing the rulebook', () => {
    const { state } = spec
      .given(deliveredOrder())
      .when(timerCommand('AutoConfirmReceipt', autoConfirmAt))
      .then([receiptConfirmed({ confirmedBy: 'auto', confirmedAt: autoConfirmAt, autoConfirmAt, rulebookVersion: rulebook.version })]);

    expect(state).toMatchObject({ status: 'completed', receiptConfirmedBy: 'auto' });
  });

  it.each([
    ['autoConfirmAt has not come', shippedOrder(), hoursAfterT0(200)],
    ['the buyer confirmed', [...shippedOrder(), receiptConfirmed()], autoConfirmAt],
    ['the parcel came back', [...shippedOrder(), orderReturnedToMerchant()], autoConfirmAt],
  ])('given %s, when the timer fires, then nothing happens', (_case, history, at) => {
    spec.given(history).when(timerCommand('AutoConfirmReceipt', at)).thenNothing();
  });
});
