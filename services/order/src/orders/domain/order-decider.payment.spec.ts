import { deciderSpec } from '@aftersales/kernel/testing';
import { makeOrderDecider, orderDecider } from './order-decider';
import {
  address,
  cancel,
  closeRefunded,
  hoursAfterT0,
  ORDER_TOTAL,
  pay,
  placeOrder,
  timerCommand,
  withRulebook,
} from '../testing/order-fixtures';
import {
  codOrder,
  codOrderPlaced,
  orderCancelled,
  orderClosedRefunded,
  orderClosedUnpaid,
  orderPaid,
  orderPlaced,
  paidOrder,
  paymentReminderDue,
  shippedOrder,
} from '../testing/order-events';

const spec = deciderSpec(orderDecider);

describe('PlaceOrder', () => {
  it('given no order, when an online order is placed, then it awaits payment with payBy at 72 h and a reminder at 12 h', () => {
    const { events, state } = spec.given([]).when(placeOrder()).then([orderPlaced()]);

    expect(events[0].data).toMatchObject({ status: 'awaiting_payment', payBy: hoursAfterT0(72), paymentReminderAt: hoursAfterT0(12) });
    expect(events[0].data).not.toHaveProperty('shipBy');
    expect(state).toMatchObject({ status: 'awaiting_payment', paidAmount: 0, notes: [], address });
  });

  it('given another rulebook, when an order is placed, then its numbers and version are used', () => {
    const decider = makeOrderDecider(withRulebook({ unpaidAutoCloseHours: 24, paymentReminderAfterHours: 2 }));

    deciderSpec(decider)
      .given([])
      .when(placeOrder())
      .then([orderPlaced({ payBy: hoursAfterT0(24), paymentReminderAt: hoursAfterT0(2), rulebookVersion: 'test-v2' })]);
  });

  it('given no order, when a cash-on-delivery order is placed, then it awaits shipment at once, ship-by counted from placement', () => {
    const { events, state } = spec
      .given([])
      .when(placeOrder({ paymentMethod: 'cod' }))
      .then([codOrderPlaced()]);

    expect(events[0].data).toMatchObject({ status: 'awaiting_shipment', shipBy: hoursAfterT0(72) });
    expect(events[0].data).not.toHaveProperty('payBy');
    expect(events[0].data).not.toHaveProperty('paymentReminderAt');
    expect(state).toMatchObject({ status: 'awaiting_shipment', paidAmount: 0, deadlines: { shipBy: hoursAfterT0(72) } });
  });

  it('given a COD order with an agreed ship-by window, when placed, then shipBy uses the agreed hours', () => {
    const { events } = spec
      .given([])
      .when(placeOrder({ paymentMethod: 'cod', shipWithinHours: 120 }))
      .then([codOrderPlaced(120)]);

    expect(events[0].data).toMatchObject({ shipWithinHours: 120, shipBy: hoursAfterT0(120) });
  });

  it('given a placed order, when it is placed again, then 409 names the current status', () => {
    const error = spec.given([orderPlaced()]).when(placeOrder()).thenRefuses('order.already_placed');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'awaiting_payment' } });
  });

  it('given bad lines, when placed, then 400 names every bad field', () => {
    const badLines = placeOrder({
      items: [
        { sku: 'a', title: 'A', quantity: 0, unitPrice: 100 },
        { sku: 'a', title: 'A again', quantity: 1, unitPrice: 9.5 },
      ],
      shippingFee: -1,
    });

    const error = spec.given([]).when(badLines).thenRefuses('invalid_input');

    expect(error.kind).toBe('invalid');
    expect((error.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(
      ['/items/0/quantity', '/items/1/sku', '/items/1/unitPrice', '/shippingFee'].sort(),
    );
  });

  it('given no items, when placed, then 400', () => {
    expect(
      spec
        .given([])
        .when(placeOrder({ items: [] }))
        .thenRefuses('invalid_input').kind,
    ).toBe('invalid');
  });

  it('given a total beyond safe integers, when placed, then 400 instead of a rounded total', () => {
    const huge = placeOrder({ items: [{ sku: 'x', title: 'X', quantity: 1000, unitPrice: Number.MAX_SAFE_INTEGER }] });

    expect(spec.given([]).when(huge).thenRefuses('invalid_input').kind).toBe('invalid');
  });
});

describe('PayOrder', () => {
  it('given an unpaid order, when the buyer pays the total, then it awaits shipment with shipBy 72 h after payment', () => {
    const paidAt = hoursAfterT0(5);

    const { state } = spec
      .given([orderPlaced()])
      .when(pay(paidAt))
      .then([orderPaid({ paidAt, shipWithinHours: 72, shipWithinSource: 'rulebook', shipBy: hoursAfterT0(5 + 72) })]);

    expect(state).toMatchObject({ status: 'awaiting_shipment', paidAmount: ORDER_TOTAL, deadlines: { shipBy: hoursAfterT0(77) } });
  });

  it('given a ship-by window agreed with the buyer, when paid, then shipBy uses it and says so', () => {
    spec
      .given([orderPlaced({ shipWithinHours: 24 })])
      .when(pay(hoursAfterT0(1)))
      .then([orderPaid({ shipWithinHours: 24, shipWithinSource: 'agreed', shipBy: hoursAfterT0(25) })]);
  });

  it('given an unpaid order, when the amount differs from the total, then 422 order.payment_amount_mismatch', () => {
    const error = spec
      .given([orderPlaced()])
      .when(pay(hoursAfterT0(1), ORDER_TOTAL - 1))
      .thenRefuses('order.payment_amount_mismatch');

    expect(error).toMatchObject({
      kind: 'rule',
      details: { rule: 'order.payment_amount_mismatch', expected: ORDER_TOTAL, received: ORDER_TOTAL - 1 },
    });
  });

  it('given payBy has passed, when a payment arrives before the close timer, then 422 order.payment_deadline_passed', () => {
    const error = spec
      .given([orderPlaced()])
      .when(pay(hoursAfterT0(72)))
      .thenRefuses('order.payment_deadline_passed');

    expect(error).toMatchObject({ kind: 'rule', details: { payBy: hoursAfterT0(72) } });
  });

  it('given a COD order, when paid online, then 422 order.cod_paid_on_delivery', () => {
    spec.given(codOrder()).when(pay()).thenRefuses('order.cod_paid_on_delivery');
  });

  it('given a paid order, when the same payment is reported again, then nothing happens', () => {
    spec.given(paidOrder()).when(pay()).thenNothing();
  });

  it('given a paid order, when another payment arrives, then 409 names the status', () => {
    const error = spec
      .given(paidOrder())
      .when(pay(hoursAfterT0(2), ORDER_TOTAL, 'pay-2'))
      .thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'awaiting_shipment' } });
  });

  it('given a closed order, when paid, then 409', () => {
    const error = spec
      .given([orderPlaced(), orderCancelled()])
      .when(pay(hoursAfterT0(3)))
      .thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'closed' } });
  });

  it('given no order, when paid, then 404', () => {
    expect(spec.given([]).when(pay()).thenRefuses('not_found').kind).toBe('not_found');
  });
});

describe('RecordPaymentReminder (timer)', () => {
  it('given an unpaid order at 12 h, when the reminder fires, then PaymentReminderDue is recorded once', () => {
    const { state } = spec
      .given([orderPlaced()])
      .when(timerCommand('RecordPaymentReminder', hoursAfterT0(12)))
      .then([paymentReminderDue({ reminderAt: hoursAfterT0(12), payBy: hoursAfterT0(72), recordedAt: hoursAfterT0(12) })]);

    expect(state?.paymentReminderRecordedAt).toBe(hoursAfterT0(12));
  });

  it.each([
    ['it is not due yet', [orderPlaced()], hoursAfterT0(11)],
    ['the order is paid', paidOrder(), hoursAfterT0(12)],
    ['the reminder was recorded', [orderPlaced(), paymentReminderDue()], hoursAfterT0(13)],
    ['the order is COD', codOrder(), hoursAfterT0(12)],
  ])('given %s, when the reminder fires, then nothing happens', (_case, history, at) => {
    spec.given(history).when(timerCommand('RecordPaymentReminder', at)).thenNothing();
  });
});

describe('CloseUnpaidOrder (timer)', () => {
  it('given an unpaid order at payBy, when the timer fires, then it closes with unpaid_timeout citing payBy and the rulebook', () => {
    const { state } = spec
      .given([orderPlaced()])
      .when(timerCommand('CloseUnpaidOrder', hoursAfterT0(72)))
      .then([orderClosedUnpaid({ closedAt: hoursAfterT0(72), payBy: hoursAfterT0(72) })]);

    expect(state).toMatchObject({ status: 'closed', closeReason: 'unpaid_timeout' });
  });

  it.each([
    ['payBy has not come', [orderPlaced()], hoursAfterT0(71)],
    ['the order was paid', paidOrder(), hoursAfterT0(72)],
    ['the order is already closed', [orderPlaced(), orderCancelled()], hoursAfterT0(72)],
  ])('given %s, when the timer fires, then nothing happens', (_case, history, at) => {
    spec.given(history).when(timerCommand('CloseUnpaidOrder', at)).thenNothing();
  });
});

describe('CancelOrder', () => {
  it('given an unpaid order, when cancelled, then it closes as cancelled with the reason', () => {
    const { state } = spec
      .given([orderPlaced()])
      .when(cancel(hoursAfterT0(2), 'ordered twice'))
      .then([orderCancelled({ previousStatus: 'awaiting_payment', cancellationReason: 'ordered twice', paidAmount: 0 })]);

    expect(state).toMatchObject({ status: 'closed', closeReason: 'cancelled', cancellationReason: 'ordered twice' });
  });

  it('given a COD order not yet shipped, when cancelled, then it closes (nothing was paid)', () => {
    spec
      .given(codOrder())
      .when(cancel())
      .then([orderCancelled({ previousStatus: 'awaiting_shipment' })]);
  });

  it('given a paid order, when cancelled, then 422 order.paid_order_needs_refund', () => {
    expect(spec.given(paidOrder()).when(cancel()).thenRefuses('order.paid_order_needs_refund').kind).toBe('rule');
  });

  it.each([
    ['shipped', shippedOrder()],
    ['closed', [orderPlaced(), orderCancelled()]],
  ])('given a %s order, when cancelled, then 409 names the status', (status, history) => {
    const error = spec
      .given(history)
      .when(cancel(hoursAfterT0(30)))
      .thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: status } });
  });
});

describe('CloseRefundedOrder', () => {
  it('given a paid order, when everything paid was refunded, then it closes as refunded_in_full', () => {
    const { state } = spec
      .given(paidOrder())
      .when(closeRefunded())
      .then([orderClosedRefunded({ paidAmount: ORDER_TOTAL, refundedAmount: ORDER_TOTAL, previousStatus: 'awaiting_shipment' })]);

    expect(state).toMatchObject({ status: 'closed', closeReason: 'refunded_in_full' });
  });

  it('given a partial refund, when asked to close, then 422 order.refund_not_full', () => {
    spec
      .given(paidOrder())
      .when(closeRefunded(ORDER_TOTAL - 100))
      .thenRefuses('order.refund_not_full');
  });

  it('given an unpaid order, when asked to close as refunded, then 409', () => {
    expect(spec.given([orderPlaced()]).when(closeRefunded()).thenRefuses('illegal_transition').kind).toBe('conflict');
  });

  it('given an order already closed as refunded, when asked again, then nothing happens', () => {
    spec
      .given([...paidOrder(), orderClosedRefunded()])
      .when(closeRefunded())
      .thenNothing();
  });
});
