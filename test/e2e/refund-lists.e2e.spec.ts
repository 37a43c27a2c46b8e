import { useTestSystem } from '../support/embedded-system';
import { agent, buyer, finance, platform, supervisor, type Actor } from '../support/http-client';
import { paidOrder, refundCommand, requestRefund, withKey } from '../support/refunds';

const otherBuyer: Actor = { id: 'buyer-2', role: 'buyer' };
const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };
const twoShopSupervisor: Actor = { id: 'sup-9', role: 'supervisor', shops: ['shop-1', 'shop-2'] };

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

describe('GET /refunds: by the next deadline, scoped to the caller', () => {
  const t = useTestSystem('all');
  let first: string;
  let second: string;

  beforeAll(async () => {
    // given: A asked first (merchant answers within 5 days), B two hours later; then A is rejected (escalate within 7 days)
    const a = await paidOrder(t.api, 'delivered');
    first = (await requestRefund(t.api, { orderId: a.order.id, type: 'refund_only', reason: 'quality', amount: 10_000 })).id;
    await t.advance({ hours: 2 });
    const b = await paidOrder(t.api, 'delivered');
    second = (await requestRefund(t.api, { orderId: b.order.id, type: 'refund_only', reason: 'quality', amount: 10_000 })).id;
    await refundCommand(t.api, first, 'rejection', { reason: 'Not a defect' });
    await t.settle();
  });

  it('given two refunds, when shop staff, platform or finance list them, then the one whose deadline comes first comes first, each with its deadline', async () => {
    for (const reader of [agent, platform, finance]) {
      const answer = await t.api.get('/refunds?shopId=shop-1', reader);
      expect(answer.status).toBe(200);
      expect(ids(answer.body)).toEqual([second, first]);
    }
    const listed = (await t.api.get('/refunds', agent)).body;
    const [b, a] = listed.items;
    expect([b.status, a.status]).toEqual(['waiting_merchant', 'rejected']);
    expect(Date.parse(b.nextDeadline)).toBeLessThan(Date.parse(a.nextDeadline));
  });

  it('filters by status, and pages with the cursor in the same order', async () => {
    expect(ids((await t.api.get('/refunds?status=rejected', agent)).body)).toEqual([first]);
    const page1 = (await t.api.get('/refunds?limit=1', agent)).body;
    const page2 = (await t.api.get(`/refunds?limit=1&cursor=${encodeURIComponent(page1.nextCursor)}`, agent)).body;
    expect([...ids(page1), ...ids(page2)]).toEqual([second, first]);
  });

  it('shows a buyer only their own, whatever they ask; staff of another shop get 403 naming the rule; several shops must name one', async () => {
    expect(ids((await t.api.get('/refunds', buyer)).body)).toEqual([second, first]);
    expect(ids((await t.api.get('/refunds?buyerId=buyer-1', otherBuyer)).body)).toEqual([]);
    const foreign = await t.api.get('/refunds?shopId=shop-1', otherShopAgent);
    expect([foreign.status, foreign.body.rule]).toEqual([403, 'refund.list_own_shops']);
    expect((await t.api.get('/refunds', twoShopSupervisor)).status).toBe(400);
    expect((await t.api.get('/refunds?status=nope', agent)).status).toBe(400);
  });
});

describe('GET /compensations: by status, shop and order, scoped to the caller', () => {
  const t = useTestSystem('all');
  let large: string;
  let small: string;
  let orderId: string;

  beforeAll(async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    orderId = order.id;
    large = (await t.api.post('/compensations', { orderId, kind: 'goodwill', amount: 30_000 }, agent, withKey())).body.id;
    small = (await t.api.post('/compensations', { orderId, kind: 'goodwill', amount: 1_000 }, agent, withKey())).body.id;
    await t.settle();
  });

  it('given one compensation above the threshold, when a supervisor lists those awaiting approval, then it is the one', async () => {
    const answer = await t.api.get('/compensations?status=awaiting_approval', supervisor);
    expect(answer.status).toBe(200);
    expect(ids(answer.body)).toEqual([large]);
    expect(answer.body.items[0]).toMatchObject({ amount: 30_000, status: 'awaiting_approval', rule: { id: 'compensation.goodwill' } });
  });

  it('filters by order; a buyer sees their own; staff of another shop get 403', async () => {
    expect(ids((await t.api.get(`/compensations?orderId=${orderId}`, platform)).body).sort()).toEqual([large, small].sort());
    expect((await t.api.get('/compensations', buyer)).body.items).toHaveLength(2);
    expect((await t.api.get('/compensations', otherBuyer)).body.items).toEqual([]);
    const foreign = await t.api.get('/compensations?shopId=shop-1', otherShopAgent);
    expect([foreign.status, foreign.body.rule]).toEqual([403, 'compensation.list_own_shops']);
  });
});
