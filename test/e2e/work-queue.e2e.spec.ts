import { agent, buyer, finance, platform, supervisor, type Actor, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { e2eMode } from '../support/multi-process-system';
import { paidOrder, refundCommand, requestRefund } from '../support/refunds';

const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };

async function queueOf(api: HttpClient, actor: Actor, query = ''): Promise<any[]> {
  const answer = await api.get(`/work-queue${query}`, actor);
  if (answer.status !== 200) throw new Error(`work queue: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.items;
}

describe('work queue', () => {
  const t = useTestSystem('all');

  it('given a refund waiting for the merchant, then the shop’s agent sees it due at the refund’s response deadline; answered, it is gone', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
    await t.settle();

    const waiting = (await queueOf(t.api, agent)).find((item) => item.id === refund.id);
    await refundCommand(t.api, refund.id, 'rejection', { reason: 'The cup was fine when it left' });
    await t.settle();

    expect(waiting).toEqual({
      kind: 'refund',
      id: refund.id,
      orderId: order.id,
      shopId: 'shop-1',
      status: 'waiting_merchant',
      dueAt: refund.deadlines.merchantRespondBy,
      overdue: false,
    });
    expect((await queueOf(t.api, agent)).map((item) => item.id)).not.toContain(refund.id);
  });

  it('given a goodwill compensation above the threshold, then it awaits approval in the supervisor’s queue until approved', async () => {
    const { order } = await paidOrder(t.api, 'paid');
    const proposed = await t.api.post('/compensations', { orderId: order.id, kind: 'goodwill', amount: 25_000, note: 'sorry' }, agent, { 'idempotency-key': `wq-${order.id}` });
    await t.settle();

    const before = await queueOf(t.api, supervisor, '?kind=compensation');
    await t.api.post(`/compensations/${proposed.body.id}/approval`, {}, supervisor, { 'idempotency-key': `wq-ap-${order.id}` });
    await t.settle();

    expect(before).toContainEqual(expect.objectContaining({ kind: 'compensation', id: proposed.body.id, status: 'awaiting_approval', overdue: false }));
    expect((await queueOf(t.api, supervisor, '?kind=compensation')).map((item) => item.id)).not.toContain(proposed.body.id);
  });

  it('given items of several refunds, then the queue is ordered by due time and pages follow each other through nextCursor', async () => {
    for (let i = 0; i < 3; i++) {
      const { order } = await paidOrder(t.api, 'delivered');
      await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
      await t.advance({ hours: 1 });
    }
    await t.settle();

    const all = await queueOf(t.api, agent, '?kind=refund');
    const first = await t.api.get('/work-queue?kind=refund&limit=2', agent);
    const second = await t.api.get(`/work-queue?kind=refund&limit=2&cursor=${first.body.nextCursor}`, agent);

    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.map((item) => item.dueAt)).toEqual([...all.map((item) => item.dueAt)].sort());
    expect([...first.body.items, ...second.body.items].map((item: any) => item.id)).toEqual(all.slice(0, 4).map((item) => item.id));
  });

  it('who sees what: another shop’s agent sees none of shop-1’s items and may not ask for shop-1 (403); a buyer is refused (403); platform and finance see every shop', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
    await t.settle();

    const otherAgent = await queueOf(t.api, otherShopAgent);
    const otherAsksShop1 = await t.api.get('/work-queue?shopId=shop-1', otherShopAgent);
    const byBuyer = await t.api.get('/work-queue', buyer);

    expect(otherAgent.filter((item) => item.shopId !== 'shop-2')).toEqual([]);
    expect(otherAsksShop1.status).toBe(403);
    expect(otherAsksShop1.body.rule).toBe('work_queue.read');
    expect(byBuyer.status).toBe(403);
    expect(byBuyer.body.rule).toBe('work_queue.read');
    expect((await queueOf(t.api, platform)).map((item) => item.id)).toContain(refund.id);
    expect((await queueOf(t.api, finance, '?shopId=shop-1')).map((item) => item.id)).toContain(refund.id);
  });

  it('given bad parameters, then 400 naming them; a cursor the API did not issue, 400', async () => {
    const answer = await t.api.get('/work-queue?kind=parcel&overdue=maybe', agent);
    const badCursor = await t.api.get('/work-queue?cursor=bm9wZQ', agent);

    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors.map((e: any) => e.field).sort()).toEqual(['/kind', '/overdue']);
    expect(badCursor.status).toBe(400);
  });

  it('given the queue rebuilt from the log, then it serves the same items as live and appends nothing', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
    await t.settle();
    const live = await queueOf(t.api, platform, '?limit=200');
    const headBefore = (await t.api.post('/admin/settle', {})).body.head;

    const rebuilt = await t.api.post('/admin/projections/work-queue/rebuild', {});
    const headAfter = (await t.api.post('/admin/settle', {})).body.head;

    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toMatchObject({ name: 'work-queue', source: e2eMode() === 'kafka' ? 'bus' : 'log' });
    expect(headAfter).toBe(headBefore);
    expect(await queueOf(t.api, platform, '?limit=200')).toEqual(live);
  });
});
