import { agent, type HttpClient } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { e2eMode } from '../support/multi-process-system';
import { getRefund, paidOrder, requestRefund } from '../support/refunds';
import { everyTimelineEntry } from '../support/timeline';

const BUS_FED = ['refund_order_facts', 'order_payments', ...(e2eMode() === 'kafka' ? ['timelines'] : [])];

/** Every event of the order across services (the timeline), and the order's own stream. */
async function historyOf(api: HttpClient, orderId: string): Promise<{ timeline: string[]; orderEvents: string[] }> {
  const timeline = await everyTimelineEntry<{ service: string; type: string; eventId: string }>(api, orderId);
  const orderEvents = (await api.get(`/orders/${orderId}/events`)).body.events as Array<{ eventId: string }>;
  return { timeline: timeline.map((e) => `${e.service}:${e.type}:${e.eventId}`), orderEvents: orderEvents.map((e) => e.eventId) };
}

describe('rebuilding the read models fed from the bus', () => {
  const t = useTestSystem('all');

  it('given paid orders and a refund, when each bus-fed view is rebuilt, then it re-reads its topics, serves the same data and appends nothing', async () => {
    const { order: refunded } = await paidOrder(t.api, 'delivered');
    const { order: untouched } = await paidOrder(t.api, 'paid');
    const { order: toShip } = await paidOrder(t.api, 'paid');
    const refund = await requestRefund(t.api, {
      orderId: refunded.id,
      type: 'refund_only',
      reason: 'other',
      amount: 10_000,
      description: 'Scratched',
    });
    const headBefore = (await t.api.post('/admin/settle', {})).body.head; // one process's log head (embedded mode)
    const listed = (await t.api.get('/admin/projections')).body.projections as Array<{ name: string }>;
    const before = {
      refunded: await historyOf(t.api, refunded.id),
      untouched: await historyOf(t.api, untouched.id),
      refund: await getRefund(t.api, refund.id),
    };

    const reports = [];
    for (const name of BUS_FED) reports.push(await t.api.post(`/admin/projections/${name}/rebuild`, {}));
    const headAfter = (await t.api.post('/admin/settle', {})).body.head;

    expect(listed.map((p) => p.name)).toEqual(expect.arrayContaining(BUS_FED));
    for (const [i, report] of reports.entries()) {
      expect(report.status).toBe(200);
      expect(report.body).toEqual({ name: BUS_FED[i], source: 'bus', events: expect.any(Number), ms: expect.any(Number) });
      expect(report.body.events).toBeGreaterThan(0);
    }
    expect(headAfter).toBe(headBefore);
    expect(await historyOf(t.api, refunded.id)).toEqual(before.refunded);
    expect(await historyOf(t.api, untouched.id)).toEqual(before.untouched);
    expect(await getRefund(t.api, refund.id)).toEqual(before.refund);
    // The rebuilt views serve decisions again: the refund service knows what was paid, logistics that the order is paid.
    const second = await requestRefund(t.api, {
      orderId: untouched.id,
      type: 'refund_only',
      reason: 'other',
      amount: untouched.total,
      description: 'Ordered twice',
    });
    expect(second).toMatchObject({ status: 'waiting_merchant', refundableAmount: untouched.total });
    const shipment = await t.api.post('/shipments', { orderId: toShip.id, carrier: 'SF', trackingNo: `SF-${toShip.id}` }, agent);
    expect(shipment.status).toBe(201);
  }, 60_000);

  it('given order facts the compensation service reads (from the order topic when each service has its own log), when rebuilt, then an agent can still compensate that order', async () => {
    const { order } = await paidOrder(t.api, 'delivered');

    const report = await t.api.post('/admin/projections/compensation_order_facts/rebuild', {});
    const proposed = await t.api.post('/compensations', { orderId: order.id, kind: 'goodwill', amount: 500, note: 'sorry' }, agent, {
      'idempotency-key': `gw-${order.id}`,
    });

    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ name: 'compensation_order_facts', source: e2eMode() === 'kafka' ? 'log+bus' : 'log' });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ orderId: order.id, amount: 500 });
  }, 60_000);

  it('given an unknown name, when it is rebuilt, then 404', async () => {
    expect((await t.api.post('/admin/projections/no_such_view/rebuild', {})).status).toBe(404);
  });
});
