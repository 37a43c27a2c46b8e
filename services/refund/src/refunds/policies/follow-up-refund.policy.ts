import type { EventEnvelope, FollowUpRefundCause, ReviewFollowUpRemedyGranted } from '@aftersales/contracts';

/** The review events the refund requests react to (group `refund`). */
export const REVIEW_EVENTS_REFUNDS_REACT_TO: readonly string[] = ['ReviewFollowUpRemedyGranted'];

type GrantedFacts = Pick<ReviewFollowUpRemedyGranted, 'followUpId' | 'orderId' | 'shopId' | 'buyerId' | 'remedyId' | 'kind' | 'amount' | 'currency'>;

/** What a granted follow-up remedy asks of the refunds: one refund per remedy, named after both. */
export interface FollowUpRefundPlan {
  refundId: string;
  cause: FollowUpRefundCause;
  order: { orderId: string; shopId: string; buyerId: string; currency: string };
  amount: number;
}

/** The refund of a follow-up's partial refund: `rfd_rfu_<follow-up>_<remedy>`, so a redelivery finds the same one. */
export const followUpRefundIdOf = (followUpId: string, remedyId: string): string => `rfd_rfu_${followUpId.replace(/^rfu_/, '')}_${remedyId}`;

/** A partial refund granted in a follow-up is a refund of its amount; undefined for other remedies (a goodwill credit is compensation's). */
export function followUpRefundPlan(event: Pick<EventEnvelope, 'eventId' | 'type' | 'data'>): FollowUpRefundPlan | undefined {
  if (event.type !== 'ReviewFollowUpRemedyGranted') return undefined;
  const d = event.data as GrantedFacts;
  if (d.kind !== 'partial_refund' || d.amount === undefined) return undefined;
  return {
    refundId: followUpRefundIdOf(d.followUpId, d.remedyId),
    cause: { kind: 'review_follow_up', followUpId: d.followUpId, remedyId: d.remedyId, eventId: event.eventId },
    order: { orderId: d.orderId, shopId: d.shopId, buyerId: d.buyerId, currency: d.currency },
    amount: d.amount,
  };
}
