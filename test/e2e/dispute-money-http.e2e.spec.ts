import { useTestSystem } from '../support/embedded-system';
import { agent, buyer, finance, platform, supervisor } from '../support/http-client';
import { disputeCommand, openDispute } from '../support/disputes';
import { paidOrder, refundCommand, requestRefund } from '../support/refunds';

/** The money of a case through HTTP only: the dispute service records, the refund service pays from its events. */
describe('dispute money through HTTP', () => {
  const t = useTestSystem('each');
  const ledgerOf = async (orderId: string) => (await t.api.get(`/ledger/entries?orderId=${orderId}`, finance)).body.entries;

  it('given a complaint, when the buyer accepts a partial refund of 15000 fen (and retries the acceptance), then it is paid exactly once and the ledger line names the case and remedy', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const opened = await openDispute(t.api, { orderId: order.id });
    await disputeCommand(t.api, opened.id, 'messages', { text: 'Sorry about that.' });
    const proposed = await disputeCommand(t.api, opened.id, 'remedies', { kind: 'partial_refund', amount: 15_000, description: '150 CNY back' });
    const remedyId = proposed.remedies[0].id as string;

    const acceptance = () => t.api.post(`/disputes/${opened.id}/remedies/${remedyId}/acceptance`, {}, buyer, { 'idempotency-key': 'accept-once' });
    const [first, retry] = [await acceptance(), await acceptance()];
    await t.settle();

    expect([first.status, retry.status]).toEqual([200, 200]);
    const refunds = (await t.api.get(`/orders/${order.id}/refunds`, buyer)).body.items;
    expect(refunds).toEqual([expect.objectContaining({ amount: 15_000, status: 'succeeded', dispute: expect.objectContaining({ cause: expect.objectContaining({ disputeId: opened.id, remedyId }) }) })]);
    expect(await ledgerOf(order.id)).toEqual([expect.objectContaining({ kind: 'refund', amount: 15_000, dispute: { disputeId: opened.id, remedyId } })]);
  });

  it('given a rejected refund escalated by the buyer, when the platform rules buyer_wins, then the escalated refund is paid once; when it rules merchant_wins on another, that one is closed', async () => {
    const escalatedCase = async () => {
      const { order } = await paidOrder(t.api, 'delivered');
      const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'not_as_described', amount: 20_000 });
      await refundCommand(t.api, refund.id, 'rejection', { reason: 'It matches the photos' }, agent);
      const escalated = await refundCommand(t.api, refund.id, 'escalation', { description: 'It does not' }, buyer);
      await t.settle();
      return { order, refund, disputeId: escalated.escalation.disputeId as string };
    };
    const won = await escalatedCase();
    const lost = await escalatedCase();

    await disputeCommand(t.api, won.disputeId, 'ruling', { outcome: 'buyer_wins', violation: 'not_as_described', reason: 'The photos differ.' }, platform);
    await disputeCommand(t.api, lost.disputeId, 'ruling', { outcome: 'merchant_wins', reason: 'As described.' }, platform);
    await t.settle();

    expect((await t.api.get(`/refunds/${won.refund.id}`, buyer)).body).toMatchObject({ status: 'succeeded', payment: { amount: 20_000, trigger: 'platform_ruling' } });
    expect((await ledgerOf(won.order.id)).map((e: { amount: number }) => e.amount)).toEqual([20_000]);
    expect((await t.api.get(`/refunds/${lost.refund.id}`, buyer)).body).toMatchObject({ status: 'closed', dispute: { outcome: 'closed' } });
    expect(await ledgerOf(lost.order.id)).toEqual([]);
  });

  it('given a goodwill credit of 30000 fen a supervisor approved in the case, when the buyer accepts it, then one compensation naming the case is paid from the deposit, its approval the supervisor\'s', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const opened = await openDispute(t.api, { orderId: order.id });
    await disputeCommand(t.api, opened.id, 'messages', { text: 'Sorry about that.' });
    const remedyId = (await disputeCommand(t.api, opened.id, 'remedies', { kind: 'goodwill_credit', amount: 30_000, description: 'A credit for the trouble' })).remedies[0].id as string;
    await disputeCommand(t.api, opened.id, `remedies/${remedyId}/approval`, {}, supervisor);
    await disputeCommand(t.api, opened.id, `remedies/${remedyId}/acceptance`, {}, buyer);
    await t.settle();

    const compensations = (await t.api.get(`/orders/${order.id}/compensations`, buyer)).body.items;
    expect(compensations).toEqual([expect.objectContaining({ kind: 'goodwill', amount: 30_000, status: 'paid', disputeId: opened.id, approval: expect.objectContaining({ approverId: supervisor.id }) })]);
    expect(await ledgerOf(order.id)).toEqual([expect.objectContaining({ kind: 'compensation', amount: 30_000, dispute: { disputeId: opened.id } })]);
    expect((await t.api.get(`/orders/${order.id}/refunds`, buyer)).body.items).toEqual([]);
    expect((await t.api.post('/admin/audit/compensations/verify', {}, finance)).body).toMatchObject({ checked: 1, mismatches: [] });
  });
});
