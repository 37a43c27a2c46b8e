import { admin, agent, buyer, type HttpClient } from '../support/http-client';
import { describeIfMainBuilt, freePort, kill9, useChildSystemSite } from '../support/child-process-system';
import { placeOrderBody } from '../support/orders';

/** What the client was told: a command acknowledged with 2xx and the ids of the events it appended. */
interface Acknowledged {
  what: string;
  orderId: string;
  streamOf: 'order' | 'shipment';
  resourceId: string;
  eventIds: string[];
}

/** One buyer/agent pair working through an order lifecycle, again and again, until told to stop. */
async function worker(api: HttpClient, id: number, acks: Acknowledged[], inFlight: Map<string, () => Promise<unknown>>, stop: () => boolean) {
  for (let round = 0; !stop(); round++) {
    const key = `w${id}-r${round}`;
    const send = async (what: string, call: () => Promise<{ status: number; body: any }>, streamOf: Acknowledged['streamOf'], orderId?: string) => {
      inFlight.set(`${key}:${what}`, call);
      const answer = await call();
      inFlight.delete(`${key}:${what}`);
      if (answer.status >= 300) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      acks.push({ what, orderId: orderId ?? answer.body.orderId ?? answer.body.id, streamOf, resourceId: answer.body.id, eventIds: answer.body.eventIds });
      return answer.body;
    };
    try {
      const order = await send('place', () => api.post('/orders', placeOrderBody(), buyer, { 'idempotency-key': `${key}:place` }), 'order');
      await send('pay', () => api.post(`/orders/${order.id}/payment`, { amount: order.total, paymentRef: key }, buyer, { 'idempotency-key': `${key}:pay` }), 'order');
      await send('note', () => api.post(`/orders/${order.id}/notes`, { text: `note ${key}` }, agent, { 'idempotency-key': `${key}:note` }), 'order');
      const shipment = await send(
        'ship',
        () => api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: `SF-${key}` }, agent, { 'idempotency-key': `${key}:ship` }),
        'shipment',
        order.id,
      );
      await send('dispatch', () => api.post(`/shipments/${shipment.id}/dispatch`, {}, agent, { 'idempotency-key': `${key}:dispatch` }), 'shipment', order.id);
    } catch (error) {
      if (!stop()) throw error; // errors are expected only once the process is gone
      return;
    }
  }
}

describeIfMainBuilt('kill-9 crash test')('kill -9 during a burst of commands', () => {
  const site = useChildSystemSite('aftersales-crash-');

  it('given acknowledged commands when the process is killed, then after a restart nothing acknowledged is missing, projections match a rebuild and no effect is doubled', async () => {
    const port = await freePort();
    let system = await site.start(port);
    const acks: Acknowledged[] = [];
    const inFlight = new Map<string, () => Promise<unknown>>();
    let killed = false;

    // given: 16 clients in a burst; when: SIGKILL once a good number of commands were acknowledged
    const workers = Array.from({ length: 16 }, (_, i) => worker(system.api, i, acks, inFlight, () => killed));
    while (acks.length < 400) await new Promise((resolve) => setTimeout(resolve, 20));
    killed = true;
    await kill9(system.process);
    await Promise.all(workers);
    const unanswered = [...inFlight.values()];
    console.log(`kill -9 after ${acks.length} acknowledged commands with ${unanswered.length} in flight`);
    expect(unanswered.length).toBeGreaterThan(0); // the kill really landed mid-burst

    system = await site.start(port);
    const api = system.api;
    // Clients retry what got no answer, with the same Idempotency-Key.
    for (const retry of unanswered) await retry().catch(() => undefined);
    expect((await api.post('/admin/settle', {})).status).toBe(200);

    // then: every acknowledged command's events are in the log
    const orderIds = [...new Set(acks.map((a) => a.orderId))];
    const eventsByOrder = new Map<string, any[]>();
    for (const orderId of orderIds) eventsByOrder.set(orderId, (await api.get(`/orders/${orderId}/events`)).body.events);
    const missing = acks.filter((ack) => {
      if (ack.streamOf === 'shipment') return false;
      const ids = new Set(eventsByOrder.get(ack.orderId)!.map((e) => e.eventId));
      return ack.eventIds.some((id) => !ids.has(id));
    });
    expect(missing).toEqual([]);
    for (const ack of acks.filter((a) => a.streamOf === 'shipment')) {
      const shipment = await api.get(`/shipments/${ack.resourceId}`);
      expect(shipment.status).toBe(200);
      if (ack.what === 'dispatch') expect(shipment.body.status).toBe('dispatched');
    }

    // and: no effect is doubled — one payment, one note per acknowledged note, one OrderShipped per dispatch
    for (const [orderId, events] of eventsByOrder) {
      const count = (type: string) => events.filter((e) => e.type === type).length;
      expect({ orderId, placed: count('OrderPlaced'), paid: count('OrderPaid') <= 1, notes: count('OrderNoteAdded') <= 1, shipped: count('OrderShipped') <= 1 }).toEqual({
        orderId,
        placed: 1,
        paid: true,
        notes: true,
        shipped: true,
      });
      const causes = events.filter((e) => e.causationId).map((e) => `${e.type}:${e.causationId}`);
      expect(new Set(causes).size).toBe(causes.length);
    }
    const dispatchedOrders = new Set(acks.filter((a) => a.what === 'dispatch').map((a) => a.orderId));
    for (const orderId of dispatchedOrders) {
      expect(eventsByOrder.get(orderId)!.filter((e) => e.type === 'OrderShipped')).toHaveLength(1);
    }

    // and: the read models equal a rebuild from the log
    const snapshot = async () => {
      const docs: Record<string, unknown> = {};
      for (const orderId of orderIds) docs[orderId] = (await api.get(`/orders/${orderId}`)).body;
      return docs;
    };
    const live = await snapshot();
    for (const orderId of dispatchedOrders) expect((live[orderId] as { status: string }).status).toBe('shipped');
    const names: string[] = (await api.get('/admin/projections')).body.projections.map((p: { name: string }) => p.name);
    expect(names).toContain('orders');
    for (const name of names) expect((await api.post(`/admin/projections/${name}/rebuild`, {}, admin)).status).toBe(200);
    expect(await snapshot()).toEqual(live);
  }, 120_000);
});
