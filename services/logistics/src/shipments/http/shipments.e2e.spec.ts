import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { localHeadersAuthenticator, registerHttpKit } from '@aftersales/nest';
import { createLogisticsService, type LogisticsService } from '../application';
import { inMemoryPlatform, type TestPlatform } from '../testing/in-memory-platform';
import { recorded } from '../testing/recorded';
import { LogisticsModule } from './shipments.module';

const merchant = { 'X-Actor-Id': 'agent-7', 'X-Actor-Role': 'agent', 'X-Actor-Shops': 'shop-1' };
const carrier = { 'X-Actor-Id': 'sf-webhook', 'X-Actor-Role': 'integrator' };

describe('Shipments HTTP API (in-memory platform)', () => {
  let app: INestApplication;
  let platform: TestPlatform;
  let service: LogisticsService;

  beforeEach(async () => {
    platform = inMemoryPlatform();
    service = createLogisticsService(platform, { consistencyTimeoutMs: 100, pollIntervalMs: 1, log: () => undefined });
    platform.attach(service.runtime);
    app = await NestFactory.create(LogisticsModule.register(service, { reactions: false }), { logger: false });
    registerHttpKit(app, { title: 'Logistics', version: '1.0.0', authenticator: localHeadersAuthenticator() });
    await app.init();
  });
  afterEach(async () => {
    await app.close();
  });

  /** Every request names a caller (the merchant unless a test sets another): the app runs in headers mode. */
  const http = () => request.agent(app.getHttpServer()).set(merchant);
  let locks = 0;
  const orderKnown = async (orderId: string, paid: boolean) => {
    await service.onOrderEvent(
      recorded(`order-${orderId}`, 0, { type: 'OrderPlaced', data: { orderId, buyerId: 'buyer-1', shopId: 'shop-1', status: 'awaiting_payment', paymentMethod: 'online' } }),
    );
    if (paid) await service.onOrderEvent(recorded(`order-${orderId}`, 1, { type: 'OrderPaid', data: { orderId } }));
  };
  const createShipment = async (orderId = 'ord_1', trackingNo = 'SF1001') => {
    const res = await http().post('/shipments').set(merchant).send({ orderId, carrier: 'sf', trackingNo });
    expect(res.status).toBe(201);
    // The order freezes its address for the shipment (ShippingAddressLocked on the order topic): it may be dispatched.
    await service.onOrderEvent(recorded(`order-${orderId}`, 10 + locks++, { type: 'ShippingAddressLocked', data: { orderId, shipmentId: res.body.id } }));
    return res.body as { id: string; revision: number };
  };
  const scan = (body: Record<string, unknown>) =>
    http()
      .post('/carrier-events')
      .set(carrier)
      .send({
        carrier: 'SF',
        trackingNo: 'sf1001',
        carrierEventId: 'c1',
        status: 'in_transit',
        occurredAt: '2026-11-02T18:00:00Z',
        ...body,
      });

  it('POST /shipments for a paid order → 201 with the shipment, Location, ETag and the event id', async () => {
    await orderKnown('ord_1', true);
    const res = await http().post('/shipments').set(merchant).send({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1001' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ orderId: 'ord_1', direction: 'outbound', status: 'created', carrier: 'sf', revision: 0 });
    expect(res.body.id).toMatch(/^shp_/);
    expect(res.body.eventIds).toHaveLength(1);
    expect(res.headers.location).toBe(`/shipments/${res.body.id}`);
    expect(res.headers.etag).toBe('"0"');
  });

  it('POST /shipments refusals: bad fields → 400 each named; unpaid → 422 naming the rule; unknown order → 404; nothing stored', async () => {
    const bad = await http().post('/shipments').set(merchant).send({ orderId: '', carrier: 'sf express', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/carrier', '/extra', '/orderId', '/trackingNo']);

    await orderKnown('ord_unpaid', false);
    const unpaid = await http().post('/shipments').set(merchant).send({ orderId: 'ord_unpaid', carrier: 'sf', trackingNo: 'SF1' });
    expect(unpaid.status).toBe(422);
    expect(unpaid.body).toMatchObject({ rule: 'logistics.ship_only_paid_orders', orderStatus: 'awaiting_payment' });

    const unknown = await http().post('/shipments').set(merchant).send({ orderId: 'ord_nope', carrier: 'sf', trackingNo: 'SF1' });
    expect(unknown.status).toBe(404);
    expect(platform.eventStore.log).toEqual([]);
  });

  it('dispatch → the shipment is dispatched; cancelling it afterwards → 409 naming the status', async () => {
    await orderKnown('ord_1', true);
    const { id } = await createShipment();
    const dispatched = await http().post(`/shipments/${id}/dispatch`).set(merchant).send({});
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ status: 'dispatched', dispatchTrigger: 'manual', revision: 1 });
    expect(dispatched.body.eventIds).toHaveLength(1);
    const cancel = await http().post(`/shipments/${id}/cancellation`).set(merchant).send({ reason: 'too late' });
    expect(cancel.status).toBe(409);
    expect(cancel.body).toMatchObject({ currentStatus: 'dispatched' });
  });

  it('POST /carrier-events → 202; the same carrier event again → 202 duplicate, nothing appended; unknown tracking → 404', async () => {
    await orderKnown('ord_1', true);
    const { id } = await createShipment();
    platform.clock.set(new Date('2026-11-03T00:00:00Z'));
    const first = await scan({});
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ id, duplicate: false, status: 'dispatched', trackingStatus: 'in_transit' });
    expect(first.body.eventIds).toHaveLength(2); // recorded + dispatched by the scan
    const again = await scan({});
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ duplicate: true, eventIds: [], revision: first.body.revision });
    expect(platform.eventStore.log).toHaveLength(3);

    const unknown = await scan({ trackingNo: 'NOPE1' });
    expect(unknown.status).toBe(404);
    const badStatus = await scan({ carrierEventId: 'c2', status: 'teleported' });
    expect(badStatus.status).toBe(400);
  });

  it('POST /carrier-events dated before the dispatch or ahead of the clock beyond the skew → 422 logistics.implausible_event_time, nothing appended', async () => {
    await orderKnown('ord_1', true);
    const { id } = await createShipment();
    await http().post(`/shipments/${id}/dispatch`).set(merchant).send();
    const before = platform.eventStore.log.length;

    const monthBefore = await scan({ carrierEventId: 'old', status: 'delivered', occurredAt: '2026-10-02T09:00:00Z' });
    const dayAhead = await scan({ carrierEventId: 'future', status: 'delivered', occurredAt: '2026-11-03T09:00:00Z' });

    for (const answer of [monthBefore, dayAhead]) {
      expect(answer.status).toBe(422);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ rule: 'logistics.implausible_event_time' });
    }
    expect(platform.eventStore.log).toHaveLength(before);
  });

  it('GET /shipments/{id} shows the tracking history sorted by carrier time; GET /orders/{id}/shipments lists it; unknown → 404', async () => {
    await orderKnown('ord_1', true);
    const { id } = await createShipment();
    platform.clock.set(new Date('2026-11-05T00:00:00Z'));
    await scan({ carrierEventId: 'c3', status: 'out_for_delivery', occurredAt: '2026-11-04T08:00:00Z' });
    await scan({ carrierEventId: 'c1', status: 'in_transit', occurredAt: '2026-11-02T18:00:00Z' });
    const res = await http().get(`/shipments/${id}`).set(merchant);
    expect(res.status).toBe(200);
    expect(res.body.tracking.map((e: { carrierEventId: string }) => e.carrierEventId)).toEqual(['c1', 'c3']);
    expect(res.body).toMatchObject({ trackingStatus: 'out_for_delivery', revision: 3 });
    expect(res.headers.etag).toBe('"3"');

    const list = await http().get('/orders/ord_1/shipments').set(merchant);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await http().get('/shipments/shp_nope').set(merchant)).status).toBe(404);
  });

  it('no caller → 401 problem', async () => {
    const res = await request(app.getHttpServer()).post('/shipments').send({ orderId: 'ord_1', carrier: 'sf', trackingNo: 'SF1' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
