import type { EventEnvelope } from '@aftersales/contracts';
import type { Platform } from '@aftersales/kernel';
import { REVIEW_ORDER_FACTS, isReviewOrderFactEvent, nextReviewOrderFacts, type ReviewOrderFactsDoc } from '../projections';
import type { ReviewReactionOutcome } from './reaction-outcome';

/** Order topic, group `review`: keeps the order facts a review is posted on (buyer, shop, completion). */
export async function onOrderEvent(platform: Pick<Platform, 'readModels'>, event: EventEnvelope): Promise<ReviewReactionOutcome> {
  const { readModels } = platform;
  if (!isReviewOrderFactEvent(event.type)) return { outcome: 'ignored' };
  if (await readModels.wasProcessed(REVIEW_ORDER_FACTS, event.eventId)) return { outcome: 'duplicate' };
  const orderId = (event.data as { orderId: string }).orderId;
  const next = nextReviewOrderFacts(await readModels.get<ReviewOrderFactsDoc>(REVIEW_ORDER_FACTS, orderId), event);
  // The facts and the processed id commit together: a redelivered event is recognised and changes nothing.
  await readModels.commit({
    projection: REVIEW_ORDER_FACTS,
    checkpoint: Math.max(await readModels.checkpoint(REVIEW_ORDER_FACTS), event.position),
    puts: next ? [{ collection: REVIEW_ORDER_FACTS, doc: next }] : [],
    deletes: [],
    processedEventIds: [event.eventId],
  });
  return { outcome: 'applied', eventIds: [] };
}
