import { makeOrderDecider } from './order-decider';
import {
  address,
  cancel,
  closeRefunded,
  given,
  hoursAfterT0,
  ORDER_ID,
  ORDER_TOTAL,
  pay,
  placeOrder,
  rulebook,
  ship,
  T0,
  timerCommand,
  withRulebook,
} from '../testing/order-fixtures';

describe('PlaceOrder', () => {
  it('given no order, when an online order is placed, then it awaits payment with payBy at 72 h and a reminder at 12 h', () => {
    const { events, state } = given([]).when(placeOrder());

    expect(events).toEqual([
      {
        type: 'OrderPlaced',
        data: expect.objectContaining({
          orderId: ORDER_ID,
          itemsTotal: 2 * 12800 + 3550,
          shippingFee: 1000,
          total: ORDER_TOTAL,
          paymentMethod: 'online',
          status: 'awaiting_payment',
          placedAt: T0,
          payBy: hoursAfterT0(72),
          paymentReminderAt: hoursAfterT0(12),
          rulebookVersion: rulebook.version,
        }),
      },
    ]);
    expect(events[0].data).not.toHaveProperty('shipBy');
    expect(state).toMatchObject({ status: 'awaiting_payment', paidAmount: 0, notes: [], address });
  });

  it('given another rulebook, when an order is placed, then its numbers and version are used', () => {
    const decider = makeOrderDecider(withRulebook({ unpaidAutoCloseHours: 24, paymentReminderAfterHours: 2 }));

    const { events } = given([], decider).when(placeOrder());

    expect(events[0].data).toMatchObject({ payBy: hoursAfterT0(24), paymentReminderAt: hoursAfterT0(2), rulebookVersion: 'test-v2' });
  });

  it('given no order, when a cash-on-delivery order is placed, then it awaits shipment at once, ship-by counted from placement', () => {
    const { events, state } = given([]).when(placeOrder({ paymentMethod: 'cod' }));

    expect(events[0].data).toMatchObject({ status: 'awaiting_shipment', shipBy: hoursAfterT0(72) });
    expect(events[0].data).not.toHaveProperty('payBy');
    expect(events[0].data).not.toHaveProperty('paymentReminderAt');
    expect(state).toMatchObject({ status: 'awaiting_shipment', paidAmount: 0, deadlines: { shipBy: hoursAfterT0(72) } });
  });

  it('given a COD order with an agreed ship-by window, when placed, then shipBy uses the agreed hours', () => {
    const { events } = given([]).when(placeOrder({ paymentMethod: 'cod', shipWithinHours: 120 }));

    expect(events[0].data).toMatchObject({ shipWithinHours: 120, shipBy: hoursAfterT0(120) });
  });

  it('given a placed order, when it is placed again, then 409 names the current status', () => {
    const error = given([placeOrder()]).whenRefused(placeOrder());

    expect(error).toMatchObject({ kind: 'conflict', code: 'order.already_placed', details: { currentStatus: 'awaiting_payment' } });
  });

  it('given bad lines, when placed, then 400 names every bad field', () => {
    const error = given([]).whenRefused(
      placeOrder({
        items: [
          { sku: 'a', title: 'A', quantity: 0, unitPrice: 100 },
          { sku: 'a', title: 'A again', quantity: 1, unitPrice: 9.5 },
        ],
        shippingFee: -1,
      }),
    );

    expect(error.kind).toBe('invalid');
    expect((error.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(
      ['/items/0/quantity', '/items/1/sku', '/items/1/unitPrice', '/shippingFee'].sort(),
    );
  });

  it('given no items, when placed, then 400', () => {
    expect(given([]).whenRefused(placeOrder({ items: [] })).kind).toBe('invalid');
  });

  it('given a total beyond safe integers, when placed, then 400 instead of a rounded total', () => {
    const error = given([]).whenRefused(
      placeOrder({ items: [{ sku: 'x', title: 'X', quantity: 1000, unitPrice: Number.MAX_SAFE_INTEGER }] }),
    );

    expect(error.kind).toBe('invalid');
  });
});

describe('PayOrder', () => {
  it('given an unpaid order, when the buyer pays the total, then it awaits shipment with shipBy 72 h after payment', () => {
    const paidAt = hoursAfterT0(5);

    const { events, state } = given([placeOrder()]).when(pay(paidAt));

    expect(events).toEqual([
      {
        type: 'OrderPaid',
        data: {
          orderId: ORDER_ID,
          shopId: 'shop-1',
          amount: ORDER_TOTAL,
          currency: 'CNY',
          paymentRef: 'pay-1',
          paidAt,
          shipWithinHours: 72,
          shipWithinSource: 'rulebook',
          shipBy: hoursAfterT0(5 + 72),
          rulebookVersion: rulebook.version,
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'awaiting_shipment', paidAmount: ORDER_TOTAL, deadlines: { shipBy: hoursAfterT0(77) } });
  });

  it('given a ship-by window agreed with the buyer, when paid, then shipBy uses it and says so', () => {
    const { events } = given([placeOrder({ shipWithinHours: 24 })]).when(pay(hoursAfterT0(1)));

    expect(events[0].data).toMatchObject({ shipWithinHours: 24, shipWithinSource: 'agreed', shipBy: hoursAfterT0(25) });
  });

  it('given an unpaid order, when the amount differs from the total, then 422 order.payment_amount_mismatch', () => {
    const error = given([placeOrder()]).whenRefused(pay(hoursAfterT0(1), ORDER_TOTAL - 1));

    expect(error).toMatchObject({
      kind: 'rule',
      code: 'order.payment_amount_mismatch',
      details: { rule: 'order.payment_amount_mismatch', expected: ORDER_TOTAL, received: ORDER_TOTAL - 1 },
    });
  });

  it('given payBy has passed, when a payment arrives before the close timer, then 422 order.payment_deadline_passed', () => {
    const error = given([placeOrder()]).whenRefused(pay(hoursAfterT0(72)));

    expect(error).toMatchObject({ kind: 'rule', code: 'order.payment_deadline_passed', details: { payBy: hoursAfterT0(72) } });
  });

  it('given a COD order, when paid online, then 422 order.cod_paid_on_delivery', () => {
    expect(given([placeOrder({ paymentMethod: 'cod' })]).whenRefused(pay()).code).toBe('order.cod_paid_on_delivery');
  });

  it('given a paid order, when the same payment is reported again, then nothing happens', () => {
    expect(given([placeOrder(), pay()]).when(pay()).events).toEqual([]);
  });

  it('given a paid order, when another payment arrives, then 409 names the status', () => {
    const error = given([placeOrder(), pay()]).whenRefused(pay(hoursAfterT0(2), ORDER_TOTAL, 'pay-2'));

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'awaiting_shipment' } });
  });

  it('given a closed order, when paid, then 409', () => {
    const error = given([placeOrder(), cancel()]).whenRefused(pay(hoursAfterT0(3)));

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'closed' } });
  });

  it('given no order, when paid, then 404', () => {
    expect(given([]).whenRefused(pay()).kind).toBe('not_found');
  });
});

describe('RecordPaymentReminder (timer)', () => {
  it('given an unpaid order at 12 h, when the reminder fires, then PaymentReminderDue is recorded once', () => {
    const { events, state } = given([placeOrder()]).when(timerCommand('RecordPaymentReminder', hoursAfterT0(12)));

    expect(events).toEqual([
      {
        type: 'PaymentReminderDue',
        data: {
          orderId: ORDER_ID,
          buyerId: 'buyer-1',
          shopId: 'shop-1',
          amountDue: ORDER_TOTAL,
          currency: 'CNY',
          reminderAt: hoursAfterT0(12),
          payBy: hoursAfterT0(72),
          recordedAt: hoursAfterT0(12),
          rulebookVersion: rulebook.version,
        },
      },
    ]);
    expect(state?.paymentReminderRecordedAt).toBe(hoursAfterT0(12));
  });

  it.each([
    ['it is not due yet', [placeOrder()], hoursAfterT0(11)],
    ['the order is paid', [placeOrder(), pay()], hoursAfterT0(12)],
    ['the reminder was recorded', [placeOrder(), timerCommand('RecordPaymentReminder', hoursAfterT0(12))], hoursAfterT0(13)],
    ['the order is COD', [placeOrder({ paymentMethod: 'cod' })], hoursAfterT0(12)],
  ])('given %s, when the reminder fires, then nothing happens', (_case, history, at) => {
    expect(given(history).when(timerCommand('RecordPaymentReminder', at)).events).toEqual([]);
  });
});

describe('CloseUnpaidOrder (timer)', () => {
  it('given an unpaid order at payBy, when the timer fires, then it closes with unpaid_timeout citing payBy and the rulebook', () => {
    const { events, state } = given([placeOrder()]).when(timerCommand('CloseUnpaidOrder', hoursAfterT0(72)));

    expect(events).toEqual([
      {
        type: 'OrderClosed',
        data: {
          orderId: ORDER_ID,
          shopId: 'shop-1',
          reason: 'unpaid_timeout',
          previousStatus: 'awaiting_payment',
          closedAt: hoursAfterT0(72),
          paidAmount: 0,
          currency: 'CNY',
          payBy: hoursAfterT0(72),
          rulebookVersion: rulebook.version,
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'closed', closeReason: 'unpaid_timeout' });
  });

  it.each([
    ['payBy has not come', [placeOrder()], hoursAfterT0(71)],
    ['the order was paid', [placeOrder(), pay()], hoursAfterT0(72)],
    ['the order is already closed', [placeOrder(), cancel()], hoursAfterT0(72)],
  ])('given %s, when the timer fires, then nothing happens', (_case, history, at) => {
    expect(given(history).when(timerCommand('CloseUnpaidOrder', at)).events).toEqual([]);
  });
});

describe('CancelOrder', () => {
  it('given an unpaid order, when cancelled, then it closes as cancelled with the reason', () => {
    const { events, state } = given([placeOrder()]).when(cancel(hoursAfterT0(2), 'ordered twice'));

    expect(events).toEqual([
      {
        type: 'OrderClosed',
        data: expect.objectContaining({
          reason: 'cancelled',
          previousStatus: 'awaiting_payment',
          cancellationReason: 'ordered twice',
          paidAmount: 0,
        }),
      },
    ]);
    expect(state).toMatchObject({ status: 'closed', closeReason: 'cancelled', cancellationReason: 'ordered twice' });
  });

  it('given a COD order not yet shipped, when cancelled, then it closes (nothing was paid)', () => {
    const { events } = given([placeOrder({ paymentMethod: 'cod' })]).when(cancel());

    expect(events[0].data).toMatchObject({ reason: 'cancelled', previousStatus: 'awaiting_shipment' });
  });

  it('given a paid order, when cancelled, then 422 order.paid_order_needs_refund', () => {
    const error = given([placeOrder(), pay()]).whenRefused(cancel());

    expect(error).toMatchObject({ kind: 'rule', code: 'order.paid_order_needs_refund' });
  });

  it.each([
    ['shipped', [placeOrder(), pay(), ship()]],
    ['closed', [placeOrder(), cancel()]],
  ])('given a %s order, when cancelled, then 409 names the status', (status, history) => {
    expect(given(history).whenRefused(cancel(hoursAfterT0(30)))).toMatchObject({ kind: 'conflict', details: { currentStatus: status } });
  });
});

describe('CloseRefundedOrder', () => {
  it('given a paid order, when everything paid was refunded, then it closes as refunded_in_full', () => {
    const { events, state } = given([placeOrder(), pay()]).when(closeRefunded());

    expect(events[0]).toEqual({
      type: 'OrderClosed',
      data: expect.objectContaining({
        reason: 'refunded_in_full',
        paidAmount: ORDER_TOTAL,
        refundedAmount: ORDER_TOTAL,
        previousStatus: 'awaiting_shipment',
      }),
    });
    expect(state).toMatchObject({ status: 'closed', closeReason: 'refunded_in_full' });
  });

  it('given a partial refund, when asked to close, then 422 order.refund_not_full', () => {
    expect(given([placeOrder(), pay()]).whenRefused(closeRefunded(ORDER_TOTAL - 100)).code).toBe('order.refund_not_full');
  });

  it('given an unpaid order, when asked to close as refunded, then 409', () => {
    expect(given([placeOrder()]).whenRefused(closeRefunded()).kind).toBe('conflict');
  });

  it('given an order already closed as refunded, when asked again, then nothing happens', () => {
    expect(given([placeOrder(), pay(), closeRefunded()]).when(closeRefunded()).events).toEqual([]);
  });
});
