import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@aftersales/kernel';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { followUpIdOf } from './follow-up-ids';
import { createFollowUpService } from './follow-up-service';

const agentCtx = { actor: { id: 'cs-1', role: 'agent' as const } };
const HOUR = 3_600_000;

/** The follow-ups on the in-memory platform, following the log as their consumer group would; review events appended as the review service would. */
function world() {
  const env = inMemoryTestPlatform();
  const followUps = createFollowUpService(env.platform, { log: () => undefined, waitOptions: { timeoutMs: 0 } });
  env.attach(followUps.runtime, [(e) => followUps.onReviewEvent(e)]);
  let revision = -1;
  const reviewEvent = async (type: string, data: Record<string, unknown>) => {
    const metadata = { occurredAt: env.clock.now().toISOString(), correlationId: randomUUID(), causationId: null, actor: { id: 'buyer-1', role: 'buyer' as const } };
    const event: NewEvent = { eventId: randomUUID(), type, schemaVersion: 2, data: { reviewId: 'rev_1', orderId: 'ord-1', shopId: 'shop-1', ...data }, metadata };
    await env.eventStore.append('review-rev_1', [event], revision < 0 ? 'no_stream' : revision);
    revision += 1;
    await env.settle();
  };
  const posted = (rating: string, status = 'published') => reviewEvent('ReviewPosted', { buyerId: 'buyer-1', rating, score: 2, text: 'Late', status });
  return { env, followUps, reviewEvent, posted, followUpId: followUpIdOf('rev_1') };
}

describe('follow-ups on the log', () => {
  it('given a negative review published (and delivered again), then one follow-up opens; 24 h later its first-contact breach is recorded by its timer, once', async () => {
    const w = world();
    await w.posted('negative');
    await w.followUps.onReviewEvent((await w.env.eventStore.readStream('review-rev_1'))[0]);
    await w.env.advance(24 * HOUR);
    await w.env.settle();

    expect(await w.env.typesOf(`review-follow-up-${w.followUpId}`)).toEqual(['ReviewFollowUpOpened', 'ReviewFollowUpSlaBreached']);
    const listed = await w.followUps.listFollowUps({ shopIds: ['shop-1'], overdue: true });
    expect(listed.items.map((f) => [f.id, f.status, f.overdue])).toEqual([[w.followUpId, 'open', true]]);
  });

  it('given the buyer contacted in time, then only the resolution deadline can breach', async () => {
    const w = world();
    await w.posted('neutral');
    await w.followUps.contactBuyer(w.followUpId, { channel: 'phone', note: 'Called' }, agentCtx);
    await w.env.advance(72 * HOUR);
    await w.env.settle();

    expect(await w.env.typesOf(`review-follow-up-${w.followUpId}`)).toEqual(['ReviewFollowUpOpened', 'ReviewFollowUpBuyerContacted', 'ReviewFollowUpSlaBreached']);
    expect((await w.followUps.getFollowUp(w.followUpId))?.slaBreaches.map((b) => b.metric)).toEqual(['resolution']);
  });

  it('given a held review, then the follow-up opens only when the platform publishes it', async () => {
    const w = world();
    await w.posted('negative', 'held');
    const whileHeld = await w.followUps.getFollowUp(w.followUpId);
    await w.reviewEvent('ReviewModerated', { content: 'review', decision: 'publish', reason: 'ok', moderatorId: 'xiaoer-1' });

    expect(whileHeld).toBeUndefined();
    expect(await w.followUps.getFollowUp(w.followUpId)).toMatchObject({ status: 'open', reviewId: 'rev_1' });
  });

  it('given an upward revision, then the follow-up closes as revised and its timers fire into nothing', async () => {
    const w = world();
    await w.posted('negative');
    await w.reviewEvent('ReviewRevised', { buyerId: 'buyer-1', from: { rating: 'negative', score: 2 }, to: { rating: 'positive', score: 5 } });
    await w.env.advance(72 * HOUR);
    await w.env.settle();

    expect(await w.followUps.getFollowUp(w.followUpId)).toMatchObject({ status: 'closed', outcome: 'revised', slaBreaches: [] });
  });

  it('given a positive review, then nothing opens', async () => {
    const w = world();
    await w.posted('positive');
    expect(await w.followUps.getFollowUp(w.followUpId)).toBeUndefined();
  });
});
