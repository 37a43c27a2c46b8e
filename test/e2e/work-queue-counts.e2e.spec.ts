import { agent, buyer, supervisor, type Actor, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { paidOrder, requestRefund } from '../support/refunds';

const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };

async function pageOf(api: HttpClient, actor: Actor, query: string): Promise<any> {
  const answer = await api.get(`/work-queue${query}`, actor);
  if (answer.status !== 200) throw new Error(`work queue: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function openComplaint(api: HttpClient, orderId: string): Promise<any> {
  const answer = await api.post('/disputes', { orderId, category: 'product_quality', description: 'The lid is cracked' }, buyer, { 'idempotency-key': `wqc-${orderId}` });
  if (answer.status !== 201) throw new Error(`complaint: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const sumOf = (byKind: Record<string, { total: number; overdue: number }>, field: 'total' | 'overdue') => Object.values(byKind).reduce((sum, count) => sum + count[field], 0);

describe('work queue: counts per kind (?counts=true)', () => {
  const t = useTestSystem('all');

  it('given two refunds and a case of shop-1, when a page of one refund is asked with counts, then counts cover every open item of the scope, per kind', async () => {
    for (let i = 0; i < 2; i++) {
      const { order } = await paidOrder(t.api, 'delivered');
      await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
    }
    const { order } = await paidOrder(t.api, 'delivered');
    await openComplaint(t.api, order.id);
    await t.settle();

    const page = await pageOf(t.api, agent, '?kind=refund&limit=1&counts=true');

    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(page.counts).toMatchObject({ total: 3, overdue: 0 });
    expect(page.counts.byKind).toEqual(
      expect.objectContaining({
        refund: { total: 2, overdue: 0 },
        dispute: { total: 1, overdue: 0 },
        evidence_request: { total: 0, overdue: 0 },
        compensation: { total: 0, overdue: 0 },
        review_follow_up: { total: 0, overdue: 0 },
      }),
    );
    expect(sumOf(page.counts.byKind, 'total')).toBe(3);
  });

  it('given the case unanswered past its first-response deadline, when counted, then it counts as overdue, on the overdue view too', async () => {
    await t.advance({ hours: 25 });
    await t.settle();

    const overdueView = await pageOf(t.api, supervisor, '?overdue=true&counts=true');

    expect(overdueView.counts.byKind.dispute).toEqual({ total: 1, overdue: 1 });
    expect(overdueView.counts.overdue).toBe(sumOf(overdueView.counts.byKind, 'overdue'));
    expect(overdueView.counts.total).toBe(sumOf(overdueView.counts.byKind, 'total'));
    expect(overdueView.items.filter((item: any) => item.overdue).length).toBe(overdueView.counts.overdue);
  });

  it("given another shop's agent, when counted, then shop-1's items are not in its counts; without counts=true there is no counts member", async () => {
    expect((await pageOf(t.api, otherShopAgent, '?counts=true')).counts.total).toBe(0);
    expect(await pageOf(t.api, agent, '')).not.toHaveProperty('counts');
  });
});
