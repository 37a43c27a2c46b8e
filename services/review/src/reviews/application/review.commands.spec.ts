import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { REVIEW_ORDER_FACTS, type ReviewOrderFactsDoc } from '../projections';
import { ReviewRules } from '../domain';
import { createReviewsService } from './reviews-service';

const buyer = { actor: { id: 'buyer-1', role: 'buyer' as const } };
const placedFacts: ReviewOrderFactsDoc = { id: 'ord-1', orderId: 'ord-1', shopId: 'shop-1', buyerId: 'buyer-1', sourceEventIds: ['evt-1'], revision: 0 };
const completedFacts: ReviewOrderFactsDoc = { ...placedFacts, completedAt: '2026-11-02T08:00:00.000Z', sourceEventIds: ['evt-1', 'evt-5'], revision: 5 };

/** The order facts view fed as the order topic would; the feed always says it is behind (multi-process: lag unknown). */
function world(timeoutMs: number) {
  const env = inMemoryTestPlatform({ start: '2026-11-02T09:00:00.000Z' });
  const service = createReviewsService(env.platform, { orderFeedLag: async () => 1, waitOptions: { timeoutMs, intervalMs: 5 } });
  const feed = (doc: ReviewOrderFactsDoc, checkpoint: number) =>
    env.platform.readModels.commit({ projection: REVIEW_ORDER_FACTS, checkpoint, puts: [{ collection: REVIEW_ORDER_FACTS, doc }], deletes: [] });
  return { service, feed };
}

describe('posting a review on the order facts the order topic fed', () => {
  it('given the facts of a placed order and its completion still on its way, when the buyer reviews it, then the review waits for the completion and is accepted', async () => {
    const { service, feed } = world(500);
    await feed(placedFacts, 1);

    const posting = service.postReview({ orderId: 'ord-1', rating: 'positive', score: 5, text: 'arrived quickly' }, buyer);
    setTimeout(() => void feed(completedFacts, 2), 30);
    const result = await posting;

    expect(result.events.map((event) => event.type)).toContain('ReviewPosted');
  });

  it('given an order that never completes, when the buyer reviews it, then after the bounded wait the review is refused as not completed', async () => {
    const { service, feed } = world(50);
    await feed(placedFacts, 1);

    await expect(service.postReview({ orderId: 'ord-1', rating: 'positive', score: 5 }, buyer)).rejects.toMatchObject({ code: ReviewRules.orderNotCompleted });
  });
});
