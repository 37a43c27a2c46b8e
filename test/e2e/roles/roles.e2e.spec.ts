import { useTestSystem } from '../../support/embedded-system';
import { e2eMode } from '../../support/multi-process-system';
import { admin, agent, buyer, carrierWebhook, finance, platform, supervisor, type Actor } from '../../support/http-client';
import { carrierEvent, eventTypes, payOrder, placeOrder, placeOrderBody } from '../../support/orders';
import { now, paidOrder, postRefund, withKey } from '../../support/refunds';

/** Callers api.md names, beside the fixtures' buyer-1 and the staff of shop-1. */
const otherBuyer: Actor = { id: 'buyer-2', role: 'buyer' };
const otherShopAgent: Actor = { id: 'agent-9', role: 'agent', shops: ['shop-2'] };
const integrator = carrierWebhook;

const refundBody = (orderId: string) => ({ orderId, type: 'refund_only', reason: 'other', amount: 20_000, description: 'Ordered twice' });

/** What each role of api.md "Identity and roles" may do, and the classic abuses: refused, and nothing appended. */
describe('who may do what, by role, with real bearer tokens', () => {
  const t = useTestSystem('all', { auth: 'tokens' });

  describe('buyer', () => {
    it('given their own order, then they place, pay, read it, its events and timeline, and ask for a refund', async () => {
      const { order } = await paidOrder(t.api, 'paid');

      const read = await t.api.get(`/orders/${order.id}`, buyer);
      const events = await t.api.get(`/orders/${order.id}/events`, buyer);
      const timeline = await t.api.get(`/orders/${order.id}/timeline`, buyer);
      const refund = await postRefund(t.api, refundBody(order.id), buyer, withKey());

      expect([read.status, events.status, timeline.status, refund.status]).toEqual([200, 200, 200, 201]);
    });

    it('given their own refund, when they approve it, then 403 naming the rule and nothing is appended', async () => {
      const { order } = await paidOrder(t.api, 'paid');
      const refund = await postRefund(t.api, refundBody(order.id), buyer, withKey());
      const before = await eventTypes(t.api, order.id);

      const approval = await t.api.post(`/refunds/${refund.body.id}/approval`, {}, buyer, withKey());

      expect(approval.status).toBe(403);
      expect(approval.headers.get('content-type')).toContain('application/problem+json');
      expect(approval.body.rule).toBe('refund.approve_by_shop_staff');
      expect((await t.api.get(`/refunds/${refund.body.id}/events`, platform)).body.events.map((e: { type: string }) => e.type)).toEqual(['RefundRequested']);
      expect(await eventTypes(t.api, order.id)).toEqual(before);
    });

    it("given another buyer's order, when they read it, file a refund or pay, then 404 as for an unknown order, and nothing is appended", async () => {
      const order = await placeOrder(t.api);
      const before = await eventTypes(t.api, order.id);

      const answers = [
        await t.api.get(`/orders/${order.id}`, otherBuyer),
        await t.api.get(`/orders/${order.id}/events`, otherBuyer),
        await t.api.get(`/orders/${order.id}/timeline`, otherBuyer),
        await postRefund(t.api, refundBody(order.id), otherBuyer, withKey()),
        await t.api.post(`/orders/${order.id}/payment`, { amount: order.total, paymentRef: 'x' }, otherBuyer, withKey()),
      ];

      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404]);
      expect(answers[0].body.code).toBe('not_found');
      expect(await eventTypes(t.api, order.id)).toEqual(before);
    });

    it('given a list query naming another buyer, then the list still holds only their own orders', async () => {
      await placeOrder(t.api);
      await t.api.post('/orders', placeOrderBody({ buyerId: otherBuyer.id }), otherBuyer);

      const mine = await t.api.get(`/orders?buyerId=${otherBuyer.id}&limit=100`, buyer);

      expect(mine.status).toBe(200);
      expect(new Set(mine.body.items.map((o: { buyerId: string }) => o.buyerId))).toEqual(new Set([buyer.id]));
    });

    it('given the ledger, the audit or the clock, then 403 each, naming the rule, and the clock has not moved', async () => {
      const clockBefore = await now(t.api);

      const ledger = await t.api.get('/ledger/entries', buyer);
      const reconciliation = await t.api.get('/ledger/reconciliation', buyer);
      const audit = await t.api.post('/admin/audit/compensations/verify', {}, buyer);
      const advance = await t.api.post('/admin/clock/advance', { days: 30 }, buyer);
      const fire = await t.api.post('/admin/timers/fire-due', {}, buyer);

      expect([ledger.status, reconciliation.status, audit.status, advance.status]).toEqual([403, 403, 403, 403]);
      expect(ledger.body.rule).toBe('ledger.read_by_finance');
      expect(advance.body.rule).toBe('admin.clock_by_admin');
      // Behind the gateway (Kafka mode) no process's timer route is reachable at all: 404.
      if (e2eMode() === 'kafka') expect(fire.status).toBe(404);
      else expect(fire.body).toMatchObject({ status: 403, rule: 'admin.timers_by_admin' });
      expect(await now(t.api)).toBe(clockBefore);
    });

    it('given a placement in the name of another buyer, then 403 and no order', async () => {
      const answer = await t.api.post('/orders', placeOrderBody({ buyerId: otherBuyer.id }), buyer);
      expect(answer.status).toBe(403);
      expect(answer.body.rule).toBe('order.buyer_own');
    });
  });

  describe('agent', () => {
    it('given an order of their shop, then they add notes, create the shipment and answer the refund', async () => {
      const { order } = await paidOrder(t.api, 'paid');
      const refund = await postRefund(t.api, refundBody(order.id), buyer, withKey());

      const note = await t.api.post(`/orders/${order.id}/notes`, { text: 'called the buyer', flag: 'red' }, agent);
      const approval = await t.api.post(`/refunds/${refund.body.id}/approval`, {}, agent, withKey());

      expect([note.status, approval.status]).toEqual([200, 200]);
    });

    it('given an order of another shop, when they add a note or read it, then 404 and nothing is appended', async () => {
      const order = await placeOrder(t.api);
      const before = await eventTypes(t.api, order.id);

      const note = await t.api.post(`/orders/${order.id}/notes`, { text: 'not mine', flag: 'red' }, otherShopAgent);
      const read = await t.api.get(`/orders/${order.id}`, otherShopAgent);

      expect([note.status, read.status]).toEqual([404, 404]);
      expect(await eventTypes(t.api, order.id)).toEqual(before);
    });

    it('given their shop, when they pay a buyer’s order, then 403 naming the rule (they see it, it is not theirs to pay)', async () => {
      const order = await placeOrder(t.api);
      const pay = await t.api.post(`/orders/${order.id}/payment`, { amount: order.total, paymentRef: 'x' }, agent, withKey());
      expect(pay.status).toBe(403);
      expect(pay.body.rule).toBe('order.pay_by_buyer');
    });

    it('given a list of another shop, then 403 naming the rule; without shopId, only their shop', async () => {
      await placeOrder(t.api, { shopId: 'shop-2' });
      const other = await t.api.get('/orders?shopId=shop-2', agent);
      const mine = await t.api.get('/orders?limit=100', agent);

      expect(other.status).toBe(403);
      expect(other.body.rule).toBe('order.list_own_shops');
      expect(new Set(mine.body.items.map((o: { shopId: string }) => o.shopId))).toEqual(new Set(['shop-1']));
    });
  });

  describe('supervisor', () => {
    it('given a goodwill above the threshold on their shop, then they approve it; an agent may not (403), another shop’s supervisor does not see it (404)', async () => {
      const { order } = await paidOrder(t.api, 'paid');
      const proposed = await t.api.post('/compensations', { orderId: order.id, kind: 'goodwill', amount: 25_000, note: 'sorry' }, agent, withKey());
      const id = proposed.body.id;

      const byAgent = await t.api.post(`/compensations/${id}/approval`, {}, agent, withKey());
      const byOtherShop = await t.api.post(`/compensations/${id}/approval`, {}, { id: 'sup-2', role: 'supervisor', shops: ['shop-2'] }, withKey());
      const bySupervisor = await t.api.post(`/compensations/${id}/approval`, {}, supervisor, withKey());

      expect(proposed.status).toBe(201);
      expect([byAgent.status, byOtherShop.status, bySupervisor.status]).toEqual([403, 404, 200]);
      expect(byAgent.body.rule).toBe('compensation.approve_by_supervisor');
    });

    it('given their shop, then they read its payouts; the ledger stays finance’s', async () => {
      const payouts = await t.api.get('/payouts', supervisor);
      const ledger = await t.api.get('/ledger/entries', supervisor);
      expect(payouts.status).toBe(200);
      expect(payouts.body.items.every((p: { shopId: string }) => p.shopId === 'shop-1')).toBe(true);
      expect(ledger.status).toBe(403);
    });
  });

  describe('platform', () => {
    it('given any shop, then they read orders, events and timelines; they may not add a shop note', async () => {
      const order = await placeOrder(t.api, { shopId: 'shop-2' });
      const reads = [await t.api.get(`/orders/${order.id}`, platform), await t.api.get(`/orders/${order.id}/timeline`, platform)];
      const note = await t.api.post(`/orders/${order.id}/notes`, { text: 'x' }, platform);
      expect(reads.map((r) => r.status)).toEqual([200, 200]);
      expect(note.status).toBe(403);
    });
  });

  describe('finance', () => {
    it('given the ledger, reconciliation, payouts and the audit, then 200 each', async () => {
      const answers = [
        await t.api.get('/ledger/entries', finance),
        await t.api.get('/ledger/reconciliation', finance),
        await t.api.get('/payouts', finance),
        await t.api.post('/admin/audit/compensations/verify', {}, finance),
      ];
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    });
  });

  describe('integrator', () => {
    it('given a dispatched parcel, then they post carrier events and read the order events, not the order', async () => {
      const { order, trackingNo } = await paidOrder(t.api, 'shipped');
      const scan = await t.api.post('/carrier-events', carrierEvent(trackingNo, `${trackingNo}-x`, 'in_transit', await now(t.api)), integrator);
      const events = await t.api.get(`/orders/${order.id}/events`, integrator);
      const read = await t.api.get(`/orders/${order.id}`, integrator);
      expect([scan.status, events.status, read.status]).toEqual([202, 200, 403]);
    });

    it('given a buyer posting a carrier event, then 403', async () => {
      const scan = await t.api.post('/carrier-events', carrierEvent('SFnone', 'e-1', 'in_transit', await now(t.api)), buyer);
      expect(scan.status).toBe(403);
      expect(scan.body.rule).toBe('shipment.carrier_events_by_integrator');
    });
  });

  describe('admin', () => {
    it('given /admin, then they read the clock, list projections and settle; business routes are not theirs', async () => {
      const answers = [await t.api.get('/admin/clock', admin), await t.api.get('/admin/projections', admin), await t.api.post('/admin/settle', {}, admin)];
      const orders = await t.api.get('/orders', admin);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(orders.status).toBe(403);
    });
  });

  describe('no caller', () => {
    it('given no identity, then 401 on every route but /health', async () => {
      const order = await placeOrder(t.api);
      const anonymous = await t.api.send('GET', `/orders/${order.id}`);
      const fire = await t.api.send('POST', '/admin/clock/advance', { days: 1 });
      const health = await t.api.send('GET', '/health');
      expect([anonymous.status, fire.status, health.status]).toEqual([401, 401, 200]);
    });
  });

  it('given a payment by the buyer after these refusals, then the order still takes it (nothing was left half-done)', async () => {
    const order = await placeOrder(t.api);
    await t.api.post(`/orders/${order.id}/payment`, { amount: order.total, paymentRef: 'x' }, otherBuyer, withKey());
    await payOrder(t.api, order);
    expect(await eventTypes(t.api, order.id)).toEqual(['OrderPlaced', 'OrderPaid']);
  });
});
