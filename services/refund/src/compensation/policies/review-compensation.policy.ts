import type { EventEnvelope } from '@aftersales/contracts';
import type { CompensationClaim } from '../domain';

/** The review events the compensation decisions react to (group `compensation`). */
export const REVIEW_EVENTS_COMPENSATION_REACTS_TO: readonly string[] = ['ReviewFollowUpRemedyGranted'];

/** What a granted follow-up remedy asks of compensation: the goodwill claim, the decision's id, and the follow-up it names. */
export interface FollowUpCompensationPlan {
  orderId: string;
  compensationId: string;
  claim: CompensationClaim;
  note: string;
  followUpId: string;
  remedyId: string;
  /** The supervisor who approved it in the follow-up, when it was above the threshold there. */
  approverId?: string;
}

/** Compensation id of a follow-up's goodwill credit: one per remedy, `cmp_rfu_<follow-up>_<remedy>`. */
export const followUpCompensationId = (followUpId: string, remedyId: string): string =>
  `cmp_rfu_${followUpId.replace(/^rfu_/, '')}_${remedyId}`;

/**
 * A goodwill credit granted in a bad-review follow-up is a goodwill decision of its amount (the rulebook bounds it),
 * one per remedy, naming the follow-up in its note. Undefined: nothing for compensation (another remedy kind).
 */
export function followUpCompensationPlan(event: Pick<EventEnvelope, 'type' | 'data'>): FollowUpCompensationPlan | undefined {
  if (event.type !== 'ReviewFollowUpRemedyGranted') return undefined;
  const d = event.data as { followUpId: string; orderId: string; remedyId: string; kind: string; amount?: number; approverId?: string };
  if (d.kind !== 'goodwill_credit' || d.amount === undefined) return undefined;
  return {
    orderId: d.orderId,
    compensationId: followUpCompensationId(d.followUpId, d.remedyId),
    claim: { kind: 'goodwill', proposedAmount: d.amount },
    note: `goodwill credit ${d.remedyId} of review follow-up ${d.followUpId}`,
    followUpId: d.followUpId,
    remedyId: d.remedyId,
    approverId: d.approverId,
  };
}
