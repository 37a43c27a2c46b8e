import { agent, buyer, platform, supervisor } from '../support/http-client';
import { disputeCommand, getDispute, openDispute } from '../support/disputes';
import { useTestSystem } from '../support/embedded-system';
import { paidOrder } from '../support/refunds';

/** The dispute service's read models are folds of the log: rebuilt from nothing, they serve the same answers. */
describe('rebuilding the dispute read models', () => {
  const t = useTestSystem('all');

  it('given cases in several states, when the disputes projection and the order facts are rebuilt, then every read answers the same and nothing is appended', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const { order: second } = await paidOrder(t.api, 'paid');
    const waiting = await openDispute(t.api, { orderId: order.id });
    await disputeCommand(t.api, waiting.id, 'messages', { text: 'Which colour?', awaitingReply: true });
    const overdue = await openDispute(t.api, { orderId: order.id, category: 'logistics' });
    const remedied = await openDispute(t.api, { orderId: second.id });
    await disputeCommand(t.api, remedied.id, 'remedies', { kind: 'partial_refund', amount: 30_000, description: '300 CNY back' });
    const arbitrated = await openDispute(t.api, { orderId: second.id, category: 'counterfeit' });
    await disputeCommand(t.api, arbitrated.id, 'escalation', { to: 'platform', reason: 'Fake' }, buyer);
    await disputeCommand(t.api, arbitrated.id, 'evidence-requests', { party: 'merchant', description: 'Invoice', dueInHours: 12 }, platform);
    await t.advance({ hours: 30 });

    const ids = [waiting.id, overdue.id, remedied.id, arbitrated.id];
    const reads = async () => ({
      cases: await Promise.all(ids.map((id) => getDispute(t.api, id))),
      queue: (await t.api.get('/disputes', supervisor)).body,
      overdue: (await t.api.get('/disputes?overdue=true', platform)).body,
      byOrder: (await t.api.get(`/orders/${order.id}/disputes`, agent)).body,
    });
    const headBefore = (await t.api.post('/admin/settle', {})).body.head;
    const before = await reads();
    expect(before.queue.items.map((c: any) => c.id)).toHaveLength(4);
    expect(before.overdue.items.map((c: any) => c.id).sort()).toEqual([overdue.id, remedied.id, arbitrated.id].sort());

    for (const name of ['disputes', 'dispute_order_facts']) expect((await t.api.post(`/admin/projections/${name}/rebuild`, {})).status).toBe(200);
    const headAfter = (await t.api.post('/admin/settle', {})).body.head;

    expect(headAfter).toBe(headBefore);
    expect(await reads()).toEqual(before);
    // The rebuilt order facts serve intake again.
    await openDispute(t.api, { orderId: second.id, category: 'invoice' });
  });
});
