import type { FollowUpRefundRefused, RefundFollowUpResolved } from '@aftersales/contracts';
import type { RecordRemedyPaid, RecordRemedyRefused } from '../domain';

/** The refund events the follow-ups react to (group `review-follow-ups`, refund topic): what became of a granted partial refund. */
export const REFUND_EVENTS_FOLLOW_UPS_REACT_TO: readonly string[] = ['FollowUpRefundRefused', 'RefundFollowUpResolved'];

/** The command's input, plus which outcome it records: the refund event's facts without its cause. */
type Outcome<C extends RecordRemedyRefused | RecordRemedyPaid, K extends string> = Omit<C, 'type' | 'basedOn' | 'at'> & { kind: K };

export type RefundOutcomeReaction = Outcome<RecordRemedyRefused, 'refused'> | Outcome<RecordRemedyPaid, 'paid'> | undefined;

/** Which follow-up remedy a refund event reports on; none for refunds another cause (not a bad-review follow-up) brought. */
export function refundOutcomeReactionTo(event: { type: string; data: unknown }): RefundOutcomeReaction {
  switch (event.type) {
    case 'FollowUpRefundRefused': {
      const d = event.data as FollowUpRefundRefused;
      if (d.cause?.kind !== 'review_follow_up') return undefined;
      const { refundId, amount, refundable, currency, ruleId, explanation } = d;
      return { kind: 'refused', followUpId: d.cause.followUpId, remedyId: d.cause.remedyId, refundId, amount, refundable, currency, ruleId, explanation };
    }
    case 'RefundFollowUpResolved': {
      const d = event.data as RefundFollowUpResolved;
      if (d.cause?.kind !== 'review_follow_up') return undefined;
      const { refundId, amount, currency } = d;
      return { kind: 'paid', followUpId: d.cause.followUpId, remedyId: d.cause.remedyId, refundId, amount, currency };
    }
    default:
      return undefined;
  }
}
