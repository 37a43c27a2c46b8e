import { agent } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { carrierEvent, eventTypes, payOrder, placeOrder, postCarrierEvent } from '../support/orders';

describe('shipments and carrier events through HTTP', () => {
  const t = useTestSystem('all');

  const paidOrder = async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    return order;
  };

  it('given an unpaid order, then a shipment is refused', async () => {
    const order = await placeOrder(t.api);
    const answer = await t.api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: 'SF-UNPAID' }, agent);
    expect([409, 422]).toContain(answer.status);
  });

  it('given dispatch, duplicate and out-of-order carrier events, then the shipment and the order are delivered exactly once', async () => {
    const order = await paidOrder();
    const created = await t.api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: 'SF-DUP' }, agent);
    expect(created.status).toBe(201);
    expect((await t.api.post(`/shipments/${created.body.id}/dispatch`, {}, agent)).status).toBe(200);
    await t.advance({ days: 3 }); // the scans are dated between the dispatch and now

    const delivered = carrierEvent('SF-DUP', 'sf-3', 'delivered', '2026-11-04T10:00:00.000Z');
    const inTransit = carrierEvent('SF-DUP', 'sf-1', 'in_transit', '2026-11-03T10:00:00.000Z');
    const outForDelivery = carrierEvent('SF-DUP', 'sf-2', 'out_for_delivery', '2026-11-04T08:00:00.000Z');
    for (const body of [delivered, inTransit, delivered, outForDelivery, delivered, inTransit]) {
      expect((await postCarrierEvent(t.api, body)).status).toBe(202);
    }
    await t.settle();

    const shipment = (await t.api.get(`/shipments/${created.body.id}`)).body;
    expect(shipment.status).toBe('delivered');
    expect(shipment.tracking.map((e: any) => e.carrierEventId)).toEqual(['sf-1', 'sf-2', 'sf-3']);
    const shipmentEvents = (await t.api.get(`/orders/${order.id}/shipments`)).body;
    expect(shipmentEvents.items ?? shipmentEvents).toHaveLength(1);

    const orderTypes = await eventTypes(t.api, order.id);
    expect(orderTypes.filter((type) => type === 'OrderShipped')).toHaveLength(1);
    expect(orderTypes.filter((type) => type === 'OrderDelivered')).toHaveLength(1);
    expect((await t.api.get(`/orders/${order.id}`)).body.status).toBe('delivered');
  });

  it('given a duplicate carrier event, then it is acknowledged and appends nothing', async () => {
    const order = await paidOrder();
    const created = await t.api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: 'SF-ONCE' }, agent);
    await t.api.post(`/shipments/${created.body.id}/dispatch`, {}, agent);
    const { now } = await t.advance({ hours: 2 });
    const scan = carrierEvent('SF-ONCE', 'sf-10', 'in_transit', now);
    const first = await postCarrierEvent(t.api, scan);
    const second = await postCarrierEvent(t.api, scan);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const shipment = (await t.api.get(`/shipments/${created.body.id}`)).body;
    expect(shipment.tracking).toHaveLength(1);
    expect(second.body.eventIds ?? []).toEqual([]);
  });

  it('given a carrier event for an unknown tracking number, then 404', async () => {
    const answer = await postCarrierEvent(t.api, carrierEvent('SF-NOPE', 'x-1', 'in_transit', '2026-11-03T10:00:00.000Z'));
    expect(answer.status).toBe(404);
  });

  it('given an invalid carrier status, then 400 names the field', async () => {
    const answer = await postCarrierEvent(t.api, carrierEvent('SF-DUP', 'x-2', 'teleported', '2026-11-03T10:00:00.000Z'));
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: any) => e.field)).toContain('/status');
  });
});
