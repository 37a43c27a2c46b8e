import type { EventEnvelope } from '@aftersales/contracts';
import { nextReviewOrderFacts } from './review-order-facts.projection';

const event = (type: string, revision: number, data: Record<string, unknown>): EventEnvelope =>
  ({ type, revision, eventId: `evt-${revision}`, data: { orderId: 'ord-1', ...data } }) as unknown as EventEnvelope;
const placed = event('OrderPlaced', 0, { shopId: 'shop-1', buyerId: 'buyer-1' });
const confirmed = event('ReceiptConfirmed', 5, { shopId: 'shop-1', confirmedBy: 'auto', confirmedAt: '2026-12-01T10:00:00.000Z' });

describe('the order facts a review is posted on', () => {
  it('given a placed order, then the facts name its parties and it has not completed', () => {
    expect(nextReviewOrderFacts(undefined, placed)).toEqual({
      id: 'ord-1',
      orderId: 'ord-1',
      shopId: 'shop-1',
      buyerId: 'buyer-1',
      sourceEventIds: ['evt-0'],
      revision: 0,
    });
  });

  it('given receipt confirmed (by the buyer or automatically), then the order completed then, cited by the event', () => {
    const facts = nextReviewOrderFacts(nextReviewOrderFacts(undefined, placed), confirmed);
    expect(facts).toMatchObject({ completedAt: '2026-12-01T10:00:00.000Z', sourceEventIds: ['evt-0', 'evt-5'], revision: 5 });
  });

  it('given an event already applied, one before the placement or one it does not track, then nothing changes', () => {
    const facts = nextReviewOrderFacts(undefined, placed)!;
    expect(nextReviewOrderFacts(facts, placed)).toBeUndefined();
    expect(nextReviewOrderFacts(undefined, confirmed)).toBeUndefined();
    expect(nextReviewOrderFacts(facts, event('OrderShipped', 3, {}))).toBeUndefined();
  });
});
