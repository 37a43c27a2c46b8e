import type { RecordedEvent } from '@aftersales/kernel';
import { settlementStreamId } from '../domain';
import { buyer, merchant, refundScenario } from '../testing/refund-scenario';

type Scenario = ReturnType<typeof refundScenario>;

/** A refund of 5000 rejected and escalated by the buyer: the case `dsp_…` holds it, its reservation stays. */
async function escalatedRefund(s: Scenario, amount = 5000) {
  const orderId = await s.paidOrder();
  const refundId = await s.requested({ orderId, type: 'refund_only', reason: 'quality', amount });
  await s.refunds.rejectRefund(refundId, { reason: 'Not a defect' }, merchant);
  const escalated = await s.refunds.escalateRefund(refundId, { description: 'It is broken' }, buyer);
  await s.env.settle();
  return { orderId, refundId, disputeId: escalated.state!.escalation!.disputeId };
}

const parties = { shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY' };

async function remedyAccepted(s: Scenario, data: Record<string, unknown>): Promise<RecordedEvent> {
  const event = await s.env.record(`dispute-${data.disputeId as string}`, 'DisputeRemedyAccepted', { ...parties, acceptedBy: 'buyer-1', acceptedAt: s.env.clock.now().toISOString(), ...data });
  await s.env.settle();
  return event;
}

async function ruled(s: Scenario, data: Record<string, unknown>): Promise<RecordedEvent> {
  const event = await s.env.record(`dispute-${data.disputeId as string}`, 'DisputeRuled', {
    ...parties,
    reason: 'Evidence reviewed',
    ruledBy: 'xiaoer-1',
    ruledAt: s.env.clock.now().toISOString(),
    appealBy: s.env.clock.now().toISOString(),
    onAppeal: false,
    basedOn: [],
    ...data,
  });
  await s.env.settle();
  return event;
}

const refundPayouts = (s: Scenario) => s.payouts.requests.filter((p) => p.kind === 'refund').map((p) => [p.refundId, p.amount]);

describe('dispute reactions: the money of accepted remedies', () => {
  it('given a case without a refund, when the buyer accepts a refund remedy of 15 000, then a refund the case causes pays exactly 15 000, once, even when the event comes again', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const event = await remedyAccepted(s, { disputeId: 'dsp_a1', orderId, remedyId: 'rm-1', kind: 'partial_refund', amount: 15_000 });

    await s.refunds.onDisputeEvent(event); // redelivered
    await s.env.settle();

    expect(refundPayouts(s)).toEqual([['rfd_a1_rm_rm-1', 15_000]]);
    expect(await s.refunds.getRefund('rfd_a1_rm_rm-1')).toMatchObject({
      status: 'succeeded',
      amount: 15_000,
      dispute: { cause: { disputeId: 'dsp_a1', remedyId: 'rm-1', eventId: event.eventId }, outcome: 'paid', amount: 15_000 },
    });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ refundedTotal: 15_000, reservedTotal: 0 });
  });

  it('given an escalated refund of 5 000, when the buyer accepts a refund remedy without an amount, then the escalated refund is paid with the case as its cause', async () => {
    const s = refundScenario();
    const { orderId, refundId, disputeId } = await escalatedRefund(s);
    await remedyAccepted(s, { disputeId, orderId, refundId, remedyId: 'rm-1', kind: 'refund' });

    expect(refundPayouts(s)).toEqual([[refundId, 5000]]);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'succeeded', dispute: { outcome: 'paid', cause: { remedyId: 'rm-1' } } });
  });

  it('given an escalated refund, when the buyer accepts an exchange (no money), then nothing is paid, the escalated refund closes and its reservation is released', async () => {
    const s = refundScenario();
    const { orderId, refundId, disputeId } = await escalatedRefund(s);
    await remedyAccepted(s, { disputeId, orderId, refundId, remedyId: 'rm-1', kind: 'exchange' });

    expect(refundPayouts(s)).toEqual([]);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'closed', dispute: { outcome: 'closed', amount: 0 } });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: 0, refundedTotal: 0 });
    expect(await s.env.typesOf(settlementStreamId(disputeId))).toEqual(['DisputeRefundSettled']);
  });

  it('given a case without a refund, when a remedy asks more than was paid, then only what the order can refund is paid and the cap is recorded', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    await remedyAccepted(s, { disputeId: 'dsp_a2', orderId, remedyId: 'rm-1', kind: 'refund', amount: 999_999 });
    const [settled] = await s.env.eventStore.readStream(settlementStreamId('dsp_a2'));
    expect(settled.data).toMatchObject({ entitledAmount: 999_999, grantedAmount: 101_000, cappedAt: 101_000 });
    expect(refundPayouts(s)).toEqual([['rfd_a2_rm_rm-1', 101_000]]);
  });
});

describe('dispute reactions: rulings', () => {
  it('given an escalated refund, when the platform rules buyer_wins, then it is approved by the ruling and paid once', async () => {
    const s = refundScenario();
    const { orderId, refundId, disputeId } = await escalatedRefund(s);
    const event = await ruled(s, { disputeId, orderId, refundId, rulingId: 'rul-1', outcome: 'buyer_wins' });
    await s.refunds.onDisputeEvent(event);
    await s.env.settle();

    expect(refundPayouts(s)).toEqual([[refundId, 5000]]);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'succeeded', approval: { by: 'platform_ruling' }, payment: { trigger: 'platform_ruling' } });
  });

  it('given an escalated refund, when the platform rules merchant_wins, then it closes, nothing is paid and the reservation is released', async () => {
    const s = refundScenario();
    const { orderId, refundId, disputeId } = await escalatedRefund(s);
    await ruled(s, { disputeId, orderId, refundId, rulingId: 'rul-1', outcome: 'merchant_wins' });

    expect(refundPayouts(s)).toEqual([]);
    expect(await s.refunds.getRefund(refundId)).toMatchObject({ status: 'closed', dispute: { outcome: 'closed', cause: { rulingId: 'rul-1' } } });
    expect(await s.refunds.allowanceOf(orderId)).toMatchObject({ reservedTotal: 0 });
  });

  it('given a buyer_wins ruling paid 5 000, when the appeal ruling grants 8 000, then only 3 000 more is paid; a later ruling for the merchant claws nothing back and says so', async () => {
    const s = refundScenario();
    const { orderId, refundId, disputeId } = await escalatedRefund(s);
    await ruled(s, { disputeId, orderId, refundId, rulingId: 'rul-1', outcome: 'buyer_wins', refundAmount: 5000 });
    await ruled(s, { disputeId, orderId, refundId, rulingId: 'rul-2', outcome: 'partial', refundAmount: 8000, onAppeal: true });
    await ruled(s, { disputeId, orderId, refundId, rulingId: 'rul-3', outcome: 'merchant_wins', onAppeal: true });

    const suffix = disputeId.replace(/^dsp_/, '');
    expect(refundPayouts(s)).toEqual([
      [refundId, 5000],
      [`rfd_${suffix}_rl_rul-2`, 3000],
    ]);
    const settlements = (await s.env.eventStore.readStream(settlementStreamId(disputeId))).map((e) => e.data as Record<string, unknown>);
    expect(settlements.map((d) => [d.grantedAmount, d.notClawedBack])).toEqual([
      [5000, 0],
      [3000, 0],
      [0, 8000],
    ]);
  });

  it('given a ruling without an escalated refund and no money, then it is recorded and nothing is paid', async () => {
    const s = refundScenario();
    const orderId = await s.paidOrder();
    const outcome = await s.refunds.onDisputeEvent(
      await ruled(s, { disputeId: 'dsp_r9', orderId, rulingId: 'rul-1', outcome: 'merchant_wins' }),
    );
    expect(outcome).toMatchObject({ outcome: 'applied' });
    expect(refundPayouts(s)).toEqual([]);
  });

  it('given an order the refund service does not know yet, when a ruling comes, then the reaction fails (the event comes again) instead of settling on nothing paid', async () => {
    const s = refundScenario();
    const event = { eventId: 'evt-early', type: 'DisputeRuled', streamId: 'dispute-dsp_x', data: { ...parties, disputeId: 'dsp_x', orderId: 'ord_unknown', rulingId: 'rul-1', outcome: 'buyer_wins', refundAmount: 100, onAppeal: false } };
    await expect(s.refunds.onDisputeEvent(event as unknown as RecordedEvent)).rejects.toThrow('not known to the refund service yet');
    expect(await s.env.eventStore.readStream(settlementStreamId('dsp_x'))).toEqual([]);
  });
});
