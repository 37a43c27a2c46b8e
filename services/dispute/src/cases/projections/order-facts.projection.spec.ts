import type { EventEnvelope } from '@aftersales/contracts';
import { nextDisputeOrderFacts } from './order-facts.projection';

const event = (type: string, revision: number, data: Record<string, unknown>): EventEnvelope =>
  ({ type, revision, eventId: `evt-${revision}`, data: { orderId: 'ord-1', ...data } }) as unknown as EventEnvelope;
const placed = event('OrderPlaced', 0, { shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY' });

describe('the order facts a case opens on', () => {
  it('given a placed then paid order, then the facts name its parties, what was paid and the events that said so', () => {
    const facts = nextDisputeOrderFacts(nextDisputeOrderFacts(undefined, placed), event('OrderPaid', 1, { amount: 101_000 }));
    expect(facts).toMatchObject({ id: 'ord-1', shopId: 'shop-1', buyerId: 'buyer-1', paidAmount: 101_000, sourceEventIds: ['evt-0', 'evt-1'], revision: 1 });
  });

  it('given an event already applied or one before the placement, then nothing changes', () => {
    const facts = nextDisputeOrderFacts(undefined, placed)!;
    expect(nextDisputeOrderFacts(facts, placed)).toBeUndefined();
    expect(nextDisputeOrderFacts(undefined, event('OrderPaid', 1, { amount: 1 }))).toBeUndefined();
  });
});
