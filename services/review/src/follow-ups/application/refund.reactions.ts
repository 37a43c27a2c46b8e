import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, isRefused, react } from '@aftersales/kernel';
import { REFUND_EVENTS_FOLLOW_UPS_REACT_TO, refundOutcomeReactionTo } from '../policies';
import { FOLLOW_UPS_ACTOR, FOLLOW_UPS_CONSUMER_GROUP } from './follow-up-actors';
import { runFollowUpCommand } from './follow-up-handler';
import type { FollowUpDeps } from './follow-ups.types';
import type { FollowUpReactionOutcome } from './review.reactions';

export { REFUND_EVENTS_FOLLOW_UPS_REACT_TO };

/**
 * Refund topic, group `review-follow-ups`: the refund service refused (FollowUpRefundRefused) or paid
 * (RefundFollowUpResolved) a partial refund granted in a follow-up; its remedy records it, naming the event. Key
 * consumer:review-follow-ups:<eventId>, and the same fact recorded twice appends nothing, so redeliveries change nothing.
 */
export async function onRefundEvent(deps: FollowUpDeps, event: EventEnvelope): Promise<FollowUpReactionOutcome> {
  if (!REFUND_EVENTS_FOLLOW_UPS_REACT_TO.includes(event.type)) return { outcome: 'ignored' };
  const reaction = refundOutcomeReactionTo(event);
  if (!reaction) return { outcome: 'ignored' };
  const ctx = contextFromEvent(event, { group: FOLLOW_UPS_CONSUMER_GROUP, actor: FOLLOW_UPS_ACTOR });
  const result = await react(event, deps.log, () => {
    if (reaction.kind === 'refused') {
      const { kind: _kind, followUpId, ...refusal } = reaction;
      return runFollowUpCommand(deps.handler, 'RecordRemedyRefused', followUpId, { ...refusal, basedOn: event.eventId }, ctx);
    }
    const { kind: _kind, followUpId, ...payment } = reaction;
    return runFollowUpCommand(deps.handler, 'RecordRemedyPaid', followUpId, { ...payment, basedOn: event.eventId }, ctx);
  });
  if (isRefused(result)) return result;
  return { outcome: 'applied' };
}
