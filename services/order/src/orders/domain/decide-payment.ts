import type { OrderEvent, Rulebook } from '@aftersales/contracts';
import { addHours, illegalTransition, isAtOrAfter, ruleViolation } from '@aftersales/kernel';
import { orderEvent, requireOrder } from './decide-support';
import type { CloseUnpaidOrder, PayOrder, RecordPaymentReminder } from './order-commands';
import type { OrderState } from './order-state';

export function decidePayOrder(command: PayOrder, state: OrderState, rulebook: Rulebook): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.paymentMethod === 'cod') {
    throw ruleViolation('order.cod_paid_on_delivery', 'a cash-on-delivery order is paid to the carrier on delivery');
  }
  // The same payment notified twice changes nothing; a second, different payment is a conflict.
  if (order.paymentRef === command.paymentRef) return [];
  if (order.status !== 'awaiting_payment') throw illegalTransition('paying the order', order.status);
  const payBy = order.deadlines.payBy as string;
  if (isAtOrAfter(command.at, payBy)) {
    throw ruleViolation('order.payment_deadline_passed', `the order had to be paid by ${payBy}`, { payBy });
  }
  if (command.amount !== order.total) {
    throw ruleViolation('order.payment_amount_mismatch', `the payment must equal the order total ${order.total}`, {
      expected: order.total,
      received: command.amount,
    });
  }
  const agreed = order.agreedShipWithinHours;
  const shipWithinHours = agreed ?? rulebook.order.shipWithinHours;
  return [
    orderEvent('OrderPaid', {
      orderId: order.id,
      shopId: order.shopId,
      amount: command.amount,
      currency: order.currency,
      paymentRef: command.paymentRef,
      paidAt: command.at,
      shipWithinHours,
      shipWithinSource: agreed === undefined ? 'rulebook' : 'agreed',
      shipBy: addHours(command.at, shipWithinHours),
      rulebookVersion: rulebook.version,
    }),
  ];
}

export function decideRecordPaymentReminder(command: RecordPaymentReminder, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  const { paymentReminderAt, payBy } = order.deadlines;
  if (order.status !== 'awaiting_payment' || order.paymentReminderRecordedAt || !paymentReminderAt || !payBy) return [];
  if (!isAtOrAfter(command.at, paymentReminderAt)) return [];
  return [
    orderEvent('PaymentReminderDue', {
      orderId: order.id,
      buyerId: order.buyerId,
      shopId: order.shopId,
      amountDue: order.total,
      currency: order.currency,
      reminderAt: paymentReminderAt,
      payBy,
      recordedAt: command.at,
      rulebookVersion: order.deadlineRulebooks.payBy as string,
    }),
  ];
}

export function decideCloseUnpaidOrder(command: CloseUnpaidOrder, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  const payBy = order.deadlines.payBy;
  if (order.status !== 'awaiting_payment' || !payBy || !isAtOrAfter(command.at, payBy)) return [];
  return [
    orderEvent('OrderClosed', {
      orderId: order.id,
      shopId: order.shopId,
      reason: 'unpaid_timeout',
      previousStatus: order.status,
      closedAt: command.at,
      paidAmount: order.paidAmount,
      currency: order.currency,
      payBy,
      rulebookVersion: order.deadlineRulebooks.payBy,
    }),
  ];
}
