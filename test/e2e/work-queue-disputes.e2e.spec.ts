import { agent, buyer, platform, supervisor, type Actor, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { paidOrder, refundCommand, requestRefund } from '../support/refunds';

const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };
const otherShopSupervisor: Actor = { id: 'sup-9', role: 'supervisor', shops: ['shop-2'] };

async function queueOf(api: HttpClient, actor: Actor, query = ''): Promise<any[]> {
  const answer = await api.get(`/work-queue${query}`, actor);
  if (answer.status !== 200) throw new Error(`work queue: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.items;
}

async function openComplaint(api: HttpClient, orderId: string): Promise<any> {
  const answer = await api.post('/disputes', { orderId, category: 'product_quality', description: 'The lid is cracked' }, buyer, { 'idempotency-key': `wq-${orderId}` });
  if (answer.status !== 201) throw new Error(`complaint: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

describe('work queue: cases and evidence requests', () => {
  const t = useTestSystem('all');

  it('given a buyer’s complaint, then the shop sees the case due at its first-response deadline; after 24 h unanswered it breaches and shows in the supervisor’s overdue view, and no other shop’s', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const complaint = await openComplaint(t.api, order.id);
    await t.settle();

    const fresh = (await queueOf(t.api, agent, '?kind=dispute')).find((item) => item.id === complaint.id);
    const overdueBefore = await queueOf(t.api, supervisor, '?overdue=true');
    await t.advance({ hours: 25 });
    await t.settle();

    expect(fresh).toMatchObject({ kind: 'dispute', orderId: order.id, shopId: 'shop-1', status: 'open', dueAt: complaint.deadlines.firstResponseBy, overdue: false });
    expect(overdueBefore.map((item) => item.id)).not.toContain(complaint.id);
    expect(await queueOf(t.api, supervisor, '?overdue=true')).toContainEqual(
      expect.objectContaining({ kind: 'dispute', id: complaint.id, overdue: true, dueAt: complaint.deadlines.firstResponseBy }),
    );
    expect((await queueOf(t.api, otherShopAgent)).map((item) => item.id)).not.toContain(complaint.id);
    expect((await queueOf(t.api, otherShopSupervisor, '?overdue=true')).map((item) => item.id)).not.toContain(complaint.id);
  });

  it('given a case assigned to an agent, then ?assigneeId finds it; the shop’s first message meets the first response and the case is no longer overdue', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const complaint = await openComplaint(t.api, order.id);
    const assignment = await t.api.post(`/disputes/${complaint.id}/assignment`, { assigneeId: 'agent-7' }, supervisor);
    await t.advance({ hours: 25 });
    await t.settle();
    const late = await queueOf(t.api, agent, '?assigneeId=agent-7&kind=dispute');

    const message = await t.api.post(`/disputes/${complaint.id}/messages`, { text: 'Sorry, we will look into it' }, agent);
    await t.settle();

    expect([assignment.status, message.status]).toEqual([200, 200]);
    expect(late).toContainEqual(expect.objectContaining({ id: complaint.id, assigneeId: 'agent-7', overdue: true }));
    const answered = (await queueOf(t.api, agent, '?kind=dispute')).find((item) => item.id === complaint.id);
    expect(answered).toMatchObject({ status: 'in_progress', overdue: false, dueAt: complaint.deadlines.resolveBy });
  });

  it('given an escalated refund in arbitration, then the evidence asked of the merchant waits on the shop until its due date, and is overdue after', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'counterfeit', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
    await refundCommand(t.api, refund.id, 'rejection', { reason: 'Genuine' });
    const escalated = await refundCommand(t.api, refund.id, 'escalation', { description: 'The brand says it is fake' }, buyer);
    await t.settle();
    const disputeId = escalated.escalation.disputeId;
    const asked = await t.api.post(`/disputes/${disputeId}/evidence-requests`, { party: 'merchant', description: 'The invoice', dueInHours: 24 }, platform);
    await t.settle();

    const waiting = await queueOf(t.api, agent, '?kind=evidence_request');
    await t.advance({ hours: 25 });
    await t.settle();

    expect(asked.status).toBe(201);
    expect(waiting).toContainEqual(expect.objectContaining({ kind: 'evidence_request', disputeId, orderId: order.id, status: 'requested', overdue: false }));
    expect(await queueOf(t.api, supervisor, '?overdue=true&kind=evidence_request')).toContainEqual(
      expect.objectContaining({ kind: 'evidence_request', disputeId, status: 'overdue', overdue: true }),
    );
  });
});
