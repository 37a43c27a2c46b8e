import type { RefundEvent, RefundEventData, RefundEventType } from '@aftersales/contracts';
import { DomainError, illegalTransition, isAtOrAfter, withoutUndefined } from '@aftersales/kernel';
import { RefundRules } from './refund-rules';
import type { Refund, RefundDeadlines, RefundState, RefundStatus } from './refund-state';

/** Builds a typed refund event, leaving out optional fields that are undefined. */
export const refundEvent = <T extends RefundEventType>(type: T, data: RefundEventData<T>): RefundEvent =>
  ({ type, data: withoutUndefined(data) }) as RefundEvent;

export function requireRefund(state: RefundState, refundId: string): Refund {
  if (state === null) throw new DomainError('not_found', RefundRules.refundNotFound, `refund ${refundId} does not exist`, { id: refundId });
  return state;
}

/** 409 unless the refund is in one of the given statuses. */
export function requireStatus(refund: Refund, what: string, ...allowed: RefundStatus[]): void {
  if (!allowed.includes(refund.status)) throw illegalTransition(what, refund.status);
}

/** The payout of a refund is identified by the refund: one payout per refund, ever. */
export const refundPayoutId = (refundId: string): string => `pay_refund_${refundId}`;

/** A deadline the refund waits on in one status; when it passes unmet the request closes for `reason`. */
export interface ClosingDeadline {
  status: RefundStatus;
  deadline: keyof RefundDeadlines;
  reason: RefundEventData<'RefundClosed'>['reason'];
  explanation: (deadline: string) => string;
}

/** The timer of a closing deadline fired: closes the refund if it still waits there and the deadline passed, else nothing. */
export function closeAtDeadline(command: { refundId: string; at: string }, state: RefundState, closing: ClosingDeadline): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  const deadline = refund.deadlines[closing.deadline];
  if (refund.status !== closing.status || !deadline || !isAtOrAfter(command.at, deadline)) return [];
  return [
    refundEvent('RefundClosed', {
      refundId: refund.id,
      orderId: refund.orderId,
      reason: closing.reason,
      explanation: closing.explanation(deadline),
      closedAt: command.at,
      rulebookVersion: refund.deadlineRulebooks[closing.deadline],
    }),
  ];
}
