import type { RefundEvent, RefundEventData, RefundEventType } from '@aftersales/contracts';
import { DomainError, illegalTransition, withoutUndefined } from '@aftersales/kernel';
import { RefundRules } from './refund-rules';
import type { Refund, RefundState, RefundStatus } from './refund-state';

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
