import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@aftersales/contracts';
import type { NewEvent } from '@aftersales/kernel';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';
import { followUpIdOf } from './follow-up-ids';
import { createFollowUpService } from './follow-up-service';

const shopCtx = { actor: { id: 'cs-1', role: 'agent' as const } };

/** A follow-up with a granted partial refund of 5 000, the refund service's outcome appended to the log as it would. */
async function world() {
  const env = inMemoryTestPlatform();
  const followUps = createFollowUpService(env.platform, { log: () => undefined, waitOptions: { timeoutMs: 0 } });
  env.attach(followUps.runtime, [(e) => followUps.onReviewEvent(e), (e) => followUps.onRefundEvent(e)]);
  const append = async (streamId: string, type: string, data: Record<string, unknown>, schemaVersion = 1) => {
    const metadata = { occurredAt: env.clock.now().toISOString(), correlationId: randomUUID(), causationId: null, actor: { id: 'refund', role: 'system' as const } };
    const event: NewEvent = { eventId: randomUUID(), type, schemaVersion, data, metadata };
    await env.eventStore.append(streamId, [event], 'any');
    await env.settle();
    return (await env.eventStore.readStream(streamId)).at(-1) as unknown as EventEnvelope;
  };
  await append('review-rev_1', 'ReviewPosted', { reviewId: 'rev_1', orderId: 'ord-1', shopId: 'shop-1', buyerId: 'buyer-1', rating: 'negative', score: 1, text: 'Broken', status: 'published' }, 2);
  const followUpId = followUpIdOf('rev_1');
  await followUps.proposeRemedy(followUpId, { kind: 'partial_refund', amount: 5000, note: '50 CNY back' }, shopCtx);
  await env.settle();
  const grant = (await env.eventStore.readStream(`review-follow-up-${followUpId}`)).find((e) => e.type === 'ReviewFollowUpRemedyGranted');
  const refundId = `rfd_${followUpId}_rem-1`;
  const cause = { kind: 'review_follow_up', followUpId, remedyId: 'rem-1', eventId: grant?.eventId };
  const keys = { refundId, orderId: 'ord-1', shopId: 'shop-1', buyerId: 'buyer-1', cause, amount: 5000, currency: 'CNY' };
  const refused = () =>
    append(`refund-${refundId}`, 'FollowUpRefundRefused', {
      ...keys,
      refundable: 0,
      ruleId: 'refund.amount_exceeds_refundable',
      explanation: 'partial refund rem-1 asks 5000; the order can still refund 0: nothing paid',
      refusedAt: env.clock.now().toISOString(),
    });
  const resolved = () => append(`refund-${refundId}`, 'RefundFollowUpResolved', { ...keys, explanation: 'paid', resolvedAt: env.clock.now().toISOString() });
  const typesOfFollowUp = () => env.typesOf(`review-follow-up-${followUpId}`);
  return { env, followUps, followUpId, refundId, refused, resolved, typesOfFollowUp };
}

describe('follow-ups hear what became of a granted partial refund', () => {
  it('given a granted partial refund, when the refund service refuses it (and the refusal is delivered again), then the remedy is refused once, naming the refusal', async () => {
    const w = await world();
    const refusal = await w.refused();
    expect(await w.followUps.onRefundEvent(refusal)).toEqual({ outcome: 'applied' });

    expect(await w.typesOfFollowUp()).toEqual(['ReviewFollowUpOpened', 'ReviewFollowUpRemedyProposed', 'ReviewFollowUpRemedyGranted', 'ReviewFollowUpRemedyRefused']);
    const recorded = (await w.env.eventStore.readStream(`review-follow-up-${w.followUpId}`)).at(-1);
    expect(recorded?.data).toMatchObject({ remedyId: 'rem-1', refundId: w.refundId, refundable: 0, basedOn: [refusal.eventId] });
    const view = await w.followUps.getFollowUp(w.followUpId);
    expect(view?.remedies).toEqual([expect.objectContaining({ id: 'rem-1', status: 'refused', refundable: 0, explanation: expect.stringContaining('nothing paid') })]);
  });

  it('given a granted partial refund, when the refund service pays it (delivered twice), then the remedy is paid once through the refund', async () => {
    const w = await world();
    const payment = await w.resolved();
    await w.followUps.onRefundEvent(payment);

    expect((await w.typesOfFollowUp()).filter((t) => t === 'ReviewFollowUpRemedyPaid')).toHaveLength(1);
    expect((await w.followUps.getFollowUp(w.followUpId))?.remedies).toEqual([expect.objectContaining({ status: 'paid', refundId: w.refundId })]);
  });

  it('a refund event of another type, or a refusal of another cause, is ignored', async () => {
    const w = await world();
    const refusal = await w.refused();
    expect(await w.followUps.onRefundEvent({ ...refusal, type: 'RefundRequested' })).toEqual({ outcome: 'ignored' });
    expect(await w.followUps.onRefundEvent({ ...refusal, eventId: randomUUID(), data: { ...(refusal.data as object), cause: { kind: 'dispute_remedy' } } })).toEqual({ outcome: 'ignored' });
  });
});
