import type { RecordedEvent } from '@aftersales/kernel';
import { refundStreamId } from './refund-ids';
import { refundScenario } from '../testing/refund-scenario';
import { PAID } from '../testing/refund-fixtures';

type Scenario = ReturnType<typeof refundScenario>;

async function remedyGranted(s: Scenario, data: { orderId: string; remedyId: string; kind: string; amount?: number }): Promise<RecordedEvent> {
  const event = await s.env.record('review-follow-up-rfu_f1', 'ReviewFollowUpRemedyGranted', {
    followUpId: 'rfu_f1',
    reviewId: 'rev_1',
    shopId: 'shop-1',
    buyerId: 'buyer-1',
    currency: 'CNY',
    ruleId: 'review_follow_up.goodwill_approval',
    rulebookVersion: '2026-12-v5',
    basedOn: ['evt-proposed'],
    grantedAt: s.env.clock.now().toISOString(),
    ...data,
  });
  await s.env.settle();
  return event;
}

const refundPayouts = (s: Scenario) => s.payouts.requests.filter((p) => p.kind === 'refund').map((p) => [p.refundId, p.amount]);

describe('review reactions: the partial refund of a bad-review follow-up', () => {
  it('given a paid order, when a partial refund of 1 500 is granted in its follow-up, then a refund naming the follow-up pays exactly 1 500, once, even when the event comes again', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const event = await remedyGranted(s, { orderId, remedyId: 'rem-1', kind: 'partial_refund', amount: 1_500 });

    await s.refunds.onReviewEvent(event); // redelivered
    await s.env.settle();

    expect(refundPayouts(s)).toEqual([['rfd_rfu_f1_rem-1', 1_500]]);
    expect(await s.refunds.getRefund('rfd_rfu_f1_rem-1')).toMatchObject({
      status: 'succeeded',
      amount: 1_500,
      followUp: { cause: { kind: 'review_follow_up', followUpId: 'rfu_f1', remedyId: 'rem-1', eventId: event.eventId }, amount: 1_500 },
    });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ refundedTotal: 1_500, reservedTotal: 0 });
  });

  it('given an order refunded all but 1 000, when a partial refund of 1 500 is granted, then the refund service records a refusal naming the follow-up and pays nothing', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    await s.approved({ orderId, type: 'refund_only', reason: 'quality', amount: PAID - 1_000 });
    const event = await remedyGranted(s, { orderId, remedyId: 'rem-1', kind: 'partial_refund', amount: 1_500 });

    await s.refunds.onReviewEvent(event); // redelivered
    await s.env.settle();

    const stream = await s.env.eventStore.readStream(refundStreamId('rfd_rfu_f1_rem-1'));
    expect(stream.map((e) => [e.type, (e.data as { refundable?: number }).refundable])).toEqual([['FollowUpRefundRefused', 1_000]]);
    expect(stream[0].data).toMatchObject({ cause: { followUpId: 'rfu_f1', remedyId: 'rem-1' }, amount: 1_500, ruleId: 'refund.amount_exceeds_refundable' });
    expect(refundPayouts(s).filter(([id]) => id === 'rfd_rfu_f1_rem-1')).toEqual([]);
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ refundedTotal: PAID - 1_000, reservedTotal: 0 });
  });

  it('given a paid order, when a goodwill credit is granted in its follow-up, then the refunds ignore it (compensation pays it)', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const event = await remedyGranted(s, { orderId, remedyId: 'rem-1', kind: 'goodwill_credit', amount: 1_000 });

    expect(await s.refunds.onReviewEvent(event)).toEqual({ outcome: 'ignored' });
    expect(refundPayouts(s)).toEqual([]);
  });
});
