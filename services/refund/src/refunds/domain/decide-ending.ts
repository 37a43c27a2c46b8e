import type { RefundEvent } from '@aftersales/contracts';
import { illegalTransition, isAfter, ruleViolation } from '@aftersales/kernel';
import { closeAtDeadline, refundEvent, requireRefund, requireStatus } from './decide-support';
import type { CancelRefund, CloseUnescalatedRefund, EscalateRefund, RecordRefundPaid, RecordReissueDispatched } from './refund-commands';
import { RefundRules } from './refund-rules';
import type { RefundState } from './refund-state';

/** The buyer withdraws before the goods are on their way back or the money moves. */
export function decideCancelRefund(command: CancelRefund, state: RefundState): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  if (refund.status === 'cancelled') return [];
  requireStatus(refund, 'cancelling the refund', 'waiting_merchant', 'waiting_buyer_return', 'rejected');
  return [
    refundEvent('RefundCancelled', { refundId: refund.id, orderId: refund.orderId, reason: command.reason, cancelledAt: command.at }),
  ];
}

/**
 * After a rejection the buyer may escalate to a dispute (维权) until escalateBy. The event carries everything the
 * dispute service needs to open the case, and the dispute id so opening it is idempotent.
 */
export function decideEscalateRefund(command: EscalateRefund, state: RefundState): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  requireStatus(refund, 'escalating the refund', 'rejected');
  const escalateBy = refund.deadlines.escalateBy as string;
  if (isAfter(command.at, escalateBy)) {
    throw ruleViolation(RefundRules.escalationWindowExpired, `the rejection could be escalated until ${escalateBy}`, { escalateBy });
  }
  return [
    refundEvent('RefundEscalated', {
      refundId: refund.id,
      orderId: refund.orderId,
      disputeId: command.disputeId,
      shopId: refund.shopId,
      buyerId: refund.buyerId,
      type: refund.type,
      reason: refund.reason,
      amount: refund.amount,
      currency: refund.currency,
      description: command.description,
      rejectionReason: refund.rejection?.reason,
      evidence: [...refund.evidence, ...(refund.rejection?.evidence ?? []), ...command.evidence],
      escalatedAt: command.at,
    }),
  ];
}

/** Nobody escalated the rejection by escalateBy: the request closes. */
export function decideCloseUnescalatedRefund(command: CloseUnescalatedRefund, state: RefundState): RefundEvent[] {
  return closeAtDeadline(command, state, {
    status: 'rejected',
    deadline: 'escalateBy',
    reason: 'escalation_window_expired',
    explanation: (deadline) => `The rejection was not escalated by ${deadline}.`,
  });
}

/**
 * The payout moved the money: RefundPaid, the ledger's fact, names what released it, and the request succeeded.
 * A second report of the same payout changes nothing.
 */
export function decideRecordRefundPaid(command: RecordRefundPaid, state: RefundState): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  if (refund.payment?.paidAt !== undefined) return [];
  if (refund.status !== 'refunding' || !refund.payment) throw illegalTransition('recording the refund as paid', refund.status);
  return [
    refundEvent('RefundPaid', {
      refundId: refund.id,
      orderId: refund.orderId,
      shopId: refund.shopId,
      buyerId: refund.buyerId,
      payoutId: command.payoutId,
      amount: command.amount,
      currency: refund.currency,
      totalRefundedOnOrder: command.totalRefundedOnOrder,
      trigger: refund.payment.trigger,
      paidAt: command.paidAt,
      rulebookVersion: refund.payment.rulebookVersion,
    }),
    refundEvent('RefundClosed', {
      refundId: refund.id,
      orderId: refund.orderId,
      reason: 'refunded',
      explanation: `${command.amount} was paid back by payout ${command.payoutId} at ${command.paidAt}.`,
      closedAt: command.at,
    }),
  ];
}

/** The reissue parcel left the merchant: the request is fulfilled. */
export function decideRecordReissueDispatched(command: RecordReissueDispatched, state: RefundState): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  if (refund.closeReason === 'reissue_fulfilled') return [];
  requireStatus(refund, 'recording the reissue as dispatched', 'waiting_reissue');
  return [
    refundEvent('RefundClosed', {
      refundId: refund.id,
      orderId: refund.orderId,
      reason: 'reissue_fulfilled',
      explanation: `The items were sent again in shipment ${command.shipmentId}, dispatched at ${command.dispatchedAt}.`,
      closedAt: command.at,
    }),
  ];
}
