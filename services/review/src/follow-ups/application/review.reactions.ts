import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, isRefused, react } from '@aftersales/kernel';
import { followUpReactionTo, REVIEW_EVENTS_FOLLOW_UPS_REACT_TO, type ReviewFacts } from '../policies';
import { FOLLOW_UPS_ACTOR, FOLLOW_UPS_CONSUMER_GROUP } from './follow-up-actors';
import { runFollowUpCommand } from './follow-up-handler';
import { followUpIdOf } from './follow-up-ids';
import type { FollowUpDeps } from './follow-ups.types';

export { REVIEW_EVENTS_FOLLOW_UPS_REACT_TO };

/** What the follow-ups remember of each review (`review_follow_up_reviews`): a held review opens its follow-up when published. */
export const FOLLOW_UP_REVIEWS = 'review_follow_up_reviews';
type ReviewFactsDoc = ReviewFacts & { id: string; [field: string]: unknown };

export type FollowUpReactionOutcome = { outcome: 'applied' | 'ignored' } | { outcome: 'refused'; code: string; message: string };

/**
 * Review topic, group `review-follow-ups`: a published neutral or negative review opens its follow-up (`rfu_<hash>`,
 * key consumer:review-follow-ups:<eventId>); a held one opens when the platform publishes it; an upward revision closes
 * it as revised. Redeliveries change nothing (same key, same stream).
 */
export async function onReviewEvent(deps: FollowUpDeps, event: EventEnvelope): Promise<FollowUpReactionOutcome> {
  if (!REVIEW_EVENTS_FOLLOW_UPS_REACT_TO.includes(event.type)) return { outcome: 'ignored' };
  const reaction = followUpReactionTo(event);
  if (!reaction) return { outcome: 'ignored' };
  const ctx = contextFromEvent(event, { group: FOLLOW_UPS_CONSUMER_GROUP, actor: FOLLOW_UPS_ACTOR });
  const { readModels } = deps.platform;
  const result = await react(event, deps.log, async () => {
    switch (reaction.kind) {
      case 'remember': {
        await readModels.commit({
          projection: FOLLOW_UP_REVIEWS,
          checkpoint: Math.max(await readModels.checkpoint(FOLLOW_UP_REVIEWS), event.position),
          puts: [{ collection: FOLLOW_UP_REVIEWS, doc: { id: reaction.facts.reviewId, ...reaction.facts } satisfies ReviewFactsDoc }],
          deletes: [],
        });
        if (!reaction.open) return undefined;
        return open(reaction.facts);
      }
      case 'open_published': {
        const facts = await readModels.get<ReviewFactsDoc>(FOLLOW_UP_REVIEWS, reaction.reviewId);
        if (!facts || facts.rating === 'positive') return undefined;
        return open(facts);
      }
      case 'close_revised':
        return runFollowUpCommand(deps.handler, 'CloseFollowUpOnRevision', followUpIdOf(reaction.reviewId), { basedOn: event.eventId }, ctx);
    }
  });
  if (isRefused(result)) return result;
  return { outcome: 'applied' };

  function open(facts: ReviewFacts) {
    const { reviewId, orderId, shopId, buyerId, rating } = facts;
    return runFollowUpCommand(deps.handler, 'OpenFollowUp', followUpIdOf(reviewId), { reviewId, orderId, shopId, buyerId, rating, basedOn: event.eventId }, ctx);
  }
}
