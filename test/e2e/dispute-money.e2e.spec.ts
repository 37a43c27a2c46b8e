import { randomUUID } from 'node:crypto';
import { agent, buyer, finance } from '../support/http-client';
import { paidOrder, refundCommand, requestRefund, timelineOf } from '../support/refunds';
import { restartableSystem, type RestartableSystem } from '../support/restartable-system';

/*
 * The money of a dispute through the refund service, seen through HTTP. Until the dispute service serves its remedy
 * and ruling routes, the case's events are appended to the log the refund service follows (the system stopped, as
 * the compensation audit e2e does), exactly as the dispute service records them; the system then carries them out.
 */
describe('dispute money through the refund service', () => {
  let sys: RestartableSystem;
  beforeEach(async () => {
    sys = restartableSystem();
    await sys.start();
  });
  afterEach(() => sys.dispose());

  /** Stops the system, records the dispute events as the dispute service would, starts it again and settles. */
  async function recordDisputeEvents(disputeId: string, events: { type: string; data: Record<string, unknown> }[]): Promise<void> {
    await sys.stop();
    const store = sys.openLog('refund');
    try {
      for (const { type, data } of events) {
        const metadata = { occurredAt: '2026-11-03T08:00:00.000Z', correlationId: randomUUID(), causationId: null, actor: { id: 'buyer-1', role: 'buyer' as const } };
        await store.append(`dispute-${disputeId}`, [{ eventId: randomUUID(), type, schemaVersion: 1, data, metadata }], 'any');
      }
    } finally {
      await store.close();
    }
    await sys.start();
    await sys.settle();
  }

  const caseOf = (order: { id: string }, disputeId: string) => ({ disputeId, orderId: order.id, shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY' });
  const ledgerOf = async (orderId: string) => (await sys.api.get(`/ledger/entries?orderId=${orderId}`, finance)).body.entries;

  it('given a paid order, when the buyer accepts a partial refund remedy of 15000 fen (and the event comes twice), then 15000 are refunded exactly once and the ledger line names the case and remedy', async () => {
    const { order } = await paidOrder(sys.api, 'delivered');
    const accepted = { ...caseOf(order, 'dsp_e2e1'), remedyId: 'rm-1', kind: 'partial_refund', amount: 15_000, acceptedBy: 'buyer-1', acceptedAt: '2026-11-03T08:00:00.000Z' };

    await recordDisputeEvents('dsp_e2e1', [
      { type: 'DisputeRemedyAccepted', data: accepted },
      { type: 'DisputeRemedyAccepted', data: accepted }, // the same acceptance recorded again
    ]);

    const refunds = (await sys.api.get(`/orders/${order.id}/refunds`, buyer)).body.items;
    expect(refunds).toEqual([
      expect.objectContaining({ amount: 15_000, status: 'succeeded', dispute: expect.objectContaining({ outcome: 'paid', cause: expect.objectContaining({ disputeId: 'dsp_e2e1', remedyId: 'rm-1' }) }) }),
    ]);
    const entries = await ledgerOf(order.id);
    expect(entries).toEqual([expect.objectContaining({ kind: 'refund', amount: 15_000, refundId: refunds[0].id, dispute: { disputeId: 'dsp_e2e1', remedyId: 'rm-1' } })]);
    expect(entries[0].explanation).toContain('case dsp_e2e1, remedy rm-1');
    const csv = (await sys.api.get(`/ledger/entries?orderId=${order.id}&format=csv`, finance)).body as string;
    expect(csv.trim().split('\r\n').slice(1).every((row) => row.endsWith(',dsp_e2e1,rm-1,'))).toBe(true);

    await sys.restart(); // everything replayed from the log after a restart: still once
    await sys.settle();
    expect((await ledgerOf(order.id)).map((e: { amount: number }) => e.amount)).toEqual([15_000]);
    expect((await sys.api.post('/admin/audit/compensations/verify', {}, finance)).body.mismatches).toEqual([]);
    expect(await timelineOf(sys.api, order.id)).toEqual(expect.arrayContaining(['refund:DisputeRefundSettled', 'refund:RefundDisputeResolved', 'refund:RefundPaid']));
  });

  it('given a rejected refund the buyer escalated, when the platform rules buyer_wins, then the escalated refund is paid once, approved by the ruling', async () => {
    const { order } = await paidOrder(sys.api, 'delivered');
    const refund = await requestRefund(sys.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000 });
    await refundCommand(sys.api, refund.id, 'rejection', { reason: 'Not a defect' });
    const escalated = await refundCommand(sys.api, refund.id, 'escalation', { description: 'It is broken' }, buyer);
    const disputeId = escalated.escalation.disputeId as string;

    const ruling = { ...caseOf(order, disputeId), refundId: refund.id, rulingId: 'rul-1', outcome: 'buyer_wins', reason: 'Photos show the defect', ruledBy: 'xiao-er-1', ruledAt: '2026-11-03T08:00:00.000Z', appealBy: '2026-11-10T08:00:00.000Z', appealRuleId: 'dispute.appeal_window', rulebookVersion: '2026-12-v4', onAppeal: false, basedOn: [] };
    await recordDisputeEvents(disputeId, [{ type: 'DisputeRuled', data: ruling }]);

    const after = (await sys.api.get(`/refunds/${refund.id}`, buyer)).body;
    expect(after).toMatchObject({ status: 'succeeded', approval: { by: 'platform_ruling' }, payment: { amount: 20_000, trigger: 'platform_ruling' }, dispute: { cause: { rulingId: 'rul-1' } } });
    expect(await ledgerOf(order.id)).toEqual([expect.objectContaining({ amount: 20_000, refundId: refund.id, dispute: { disputeId, rulingId: 'rul-1' } })]);
  });

  it('given a rejected refund the buyer escalated, when the platform rules merchant_wins, then the refund is closed and nothing is paid', async () => {
    const { order } = await paidOrder(sys.api, 'delivered');
    const refund = await requestRefund(sys.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000 });
    await refundCommand(sys.api, refund.id, 'rejection', { reason: 'Not a defect' }, agent);
    const escalated = await refundCommand(sys.api, refund.id, 'escalation', { description: 'It is broken' }, buyer);
    const disputeId = escalated.escalation.disputeId as string;

    const ruling = { ...caseOf(order, disputeId), refundId: refund.id, rulingId: 'rul-1', outcome: 'merchant_wins', reason: 'Wear from use', ruledBy: 'xiao-er-1', ruledAt: '2026-11-03T08:00:00.000Z', appealBy: '2026-11-10T08:00:00.000Z', appealRuleId: 'dispute.appeal_window', rulebookVersion: '2026-12-v4', onAppeal: false, basedOn: [] };
    await recordDisputeEvents(disputeId, [{ type: 'DisputeRuled', data: ruling }]);

    expect((await sys.api.get(`/refunds/${refund.id}`, buyer)).body).toMatchObject({ status: 'closed', dispute: { outcome: 'closed', amount: 0 } });
    expect(await ledgerOf(order.id)).toEqual([]);
    const listed = (await sys.api.get(`/refunds?status=closed`, agent)).body.items.map((r: { id: string }) => r.id);
    expect(listed).toContain(refund.id);
  });

  it('given a buyer_wins ruling that paid the escalated refund, when the ruling on appeal grants more, then only the difference is paid, by a refund naming the appeal ruling', async () => {
    const { order } = await paidOrder(sys.api, 'delivered');
    const refund = await requestRefund(sys.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000 });
    await refundCommand(sys.api, refund.id, 'rejection', { reason: 'Not a defect' });
    const disputeId = (await refundCommand(sys.api, refund.id, 'escalation', { description: 'It is broken' }, buyer)).escalation.disputeId as string;
    const ruling = { ...caseOf(order, disputeId), refundId: refund.id, reason: 'Evidence', ruledBy: 'xiao-er-1', ruledAt: '2026-11-03T08:00:00.000Z', appealBy: '2026-11-10T08:00:00.000Z', appealRuleId: 'dispute.appeal_window', rulebookVersion: '2026-12-v4', basedOn: [] };

    await recordDisputeEvents(disputeId, [
      { type: 'DisputeRuled', data: { ...ruling, rulingId: 'rul-1', outcome: 'buyer_wins', refundAmount: 20_000, onAppeal: false } },
      { type: 'DisputeRuled', data: { ...ruling, rulingId: 'rul-2', outcome: 'partial', refundAmount: 26_000, onAppeal: true } },
    ]);

    const lines = (await ledgerOf(order.id)).map((e: { amount: number; dispute: unknown }) => [e.amount, e.dispute]);
    expect(lines).toEqual([
      [20_000, { disputeId, rulingId: 'rul-1' }],
      [6_000, { disputeId, rulingId: 'rul-2' }],
    ]);
  });
});
