import type { OrderEvent } from '@aftersales/contracts';
import { illegalTransition, ruleViolation } from '@aftersales/kernel';
import { orderEvent, requireOrder } from './decide-support';
import type { CancelOrder, CloseRefundedOrder } from './order-commands';
import type { OrderState } from './order-state';

/** Cancelling is only for orders nobody has paid for yet; a paid order is closed by refunding it in full. */
export function decideCancelOrder(command: CancelOrder, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  const unpaidCod = order.paymentMethod === 'cod' && order.status === 'awaiting_shipment';
  if (order.status === 'awaiting_shipment' && !unpaidCod) {
    throw ruleViolation('order.paid_order_needs_refund', 'a paid order is cancelled by asking for a refund', {
      currentStatus: order.status,
    });
  }
  if (order.status !== 'awaiting_payment' && !unpaidCod) throw illegalTransition('cancelling the order', order.status);
  return [
    orderEvent('OrderClosed', {
      orderId: order.id,
      shopId: order.shopId,
      reason: 'cancelled',
      previousStatus: order.status,
      closedAt: command.at,
      paidAmount: order.paidAmount,
      currency: order.currency,
      cancellationReason: command.reason,
    }),
  ];
}

const refundableStatuses = new Set(['awaiting_shipment', 'shipped', 'delivered']);

export function decideCloseRefundedOrder(command: CloseRefundedOrder, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.status === 'closed' && order.closeReason === 'refunded_in_full') return [];
  if (!refundableStatuses.has(order.status) || order.paidAmount === 0) {
    throw illegalTransition('closing the order as refunded in full', order.status);
  }
  if (command.refundedAmount < order.paidAmount) {
    throw ruleViolation('order.refund_not_full', `only ${command.refundedAmount} of ${order.paidAmount} was refunded`, {
      paidAmount: order.paidAmount,
      refundedAmount: command.refundedAmount,
    });
  }
  return [
    orderEvent('OrderClosed', {
      orderId: order.id,
      shopId: order.shopId,
      reason: 'refunded_in_full',
      previousStatus: order.status,
      closedAt: command.at,
      paidAmount: order.paidAmount,
      currency: order.currency,
      refundedAmount: command.refundedAmount,
    }),
  ];
}
