import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { EventEnvelope } from '@aftersales/contracts';
import { localHeadersAuthenticator, registerHttpKit } from '@aftersales/nest';
import type { OrderService } from '../application';
import { orderServiceInMemory, type InMemoryOrderPlatform } from '../testing/in-memory-platform';
import { address, ORDER_TOTAL } from '../testing/order-fixtures';
import { OrderModule } from './orders.module';

const buyer = { 'X-Actor-Id': 'buyer-1', 'X-Actor-Role': 'buyer' };
const agent = { 'X-Actor-Id': 'agent-7', 'X-Actor-Role': 'agent', 'X-Actor-Shops': 'shop-1' };
/** The platform's staff: reads every shop. */
const platform = { 'X-Actor-Id': 'xiao-er-1', 'X-Actor-Role': 'platform' };
const newOrder = {
  buyerId: 'buyer-1',
  shopId: 'shop-1',
  items: [
    { sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 2, unitPrice: 12800 },
    { sku: 'cup', title: 'Tea cup', quantity: 1, unitPrice: 3550, category: 'kitchen' },
  ],
  shippingFee: 1000,
  paymentMethod: 'online',
  address,
};

describe('Orders HTTP API (in-memory platform)', () => {
  let app: INestApplication;
  let env: InMemoryOrderPlatform;
  let service: OrderService;

  beforeEach(async () => {
    ({ env, service } = orderServiceInMemory());
    app = await NestFactory.create(OrderModule.register(service, { reactions: false }), { logger: false });
    registerHttpKit(app, { title: 'Orders', version: '1.0.0', authenticator: localHeadersAuthenticator() });
    await app.init();
  });
  afterEach(async () => {
    await app.close();
  });

  /** Every request names a caller (the buyer unless a test sets another): the app runs in headers mode. */
  const http = () => request.agent(app.getHttpServer()).set(buyer);
  const place = async (body: object = newOrder) => {
    const res = await http().post('/orders').set(buyer).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; revision: number };
  };
  const payFor = (orderId: string, key = `pay-${orderId}`, amount = ORDER_TOTAL) =>
    http()
      .post(`/orders/${orderId}/payment`)
      .set({ ...buyer, 'Idempotency-Key': key })
      .send({ amount, paymentRef: `ref-${key}` });
  const dispatch = (orderId: string) =>
    service.onLogisticsEvent({
      eventId: `lg-${orderId}`,
      type: 'ShipmentDispatched',
      schemaVersion: 1,
      streamId: 'shipment-shp-1',
      revision: 0,
      position: 1,
      occurredAt: env.clock.now().toISOString(),
      recordedAt: env.clock.now().toISOString(),
      correlationId: 'corr-lg',
      causationId: null,
      actor: { id: 'agent-7', role: 'agent' },
      data: { shipmentId: 'shp-1', orderId, carrier: 'sf', trackingNo: 'SF1', dispatchedAt: env.clock.now().toISOString() },
    } satisfies EventEnvelope);

  it('POST /orders → 201 with the order, its revision as ETag, Location and the event id', async () => {
    const res = await http().post('/orders').set(buyer).send(newOrder);

    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"0"');
    expect(res.headers.location).toBe(`/orders/${res.body.id}`);
    expect(res.body).toMatchObject({
      status: 'awaiting_payment',
      currency: 'CNY',
      itemsTotal: ORDER_TOTAL - 1000,
      total: ORDER_TOTAL,
      paidAmount: 0,
      notes: [],
      deadlines: { payBy: '2026-11-05T08:00:00.000Z', paymentReminderAt: '2026-11-02T20:00:00.000Z' },
      revision: 0,
      eventIds: [expect.any(String)],
    });
  });

  it('POST /orders with bad fields → 400 naming each, and nothing is stored', async () => {
    const res = await http()
      .post('/orders')
      .set(buyer)
      .send({ ...newOrder, items: [{ sku: 'x', title: 'X', quantity: 0, unitPrice: 1.5 }], address: { ...address, phone: 'call me' } });

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      '/address/phone',
      '/items/0/quantity',
      '/items/0/unitPrice',
    ]);
    expect(await env.platform.eventStore.headPosition()).toBe(0);
  });

  it('POST payment: Idempotency-Key required (400), amount ≠ total (422 rule), then paid; a replay answers the first response', async () => {
    const { id } = await place();

    const withoutKey = await http().post(`/orders/${id}/payment`).set(buyer).send({ amount: ORDER_TOTAL, paymentRef: 'p' });
    const mismatch = await payFor(id, 'k-bad', ORDER_TOTAL - 1);
    const paid = await payFor(id, 'k-1');
    const replay = await payFor(id, 'k-1');
    const reused = await http()
      .post(`/orders/${id}/payment`)
      .set({ ...buyer, 'Idempotency-Key': 'k-1' })
      .send({ amount: 1, paymentRef: 'x' });

    expect(withoutKey.status).toBe(400);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({
      code: 'order.payment_amount_mismatch',
      rule: 'order.payment_amount_mismatch',
      expected: ORDER_TOTAL,
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'awaiting_shipment',
      paidAmount: ORDER_TOTAL,
      revision: 1,
      deadlines: { shipBy: '2026-11-05T08:00:00.000Z' },
    });
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.eventIds).toEqual(paid.body.eventIds);
    expect(reused.status).toBe(422);
  });

  it('PUT address: changes before dispatch; 409 naming the status once shipped', async () => {
    const { id } = await place();
    await payFor(id);
    const moved = await http()
      .put(`/orders/${id}/address`)
      .set(buyer)
      .send({ ...address, street: '18 Gudun Road' });
    await dispatch(id);

    const locked = await http()
      .put(`/orders/${id}/address`)
      .set(buyer)
      .send({ ...address, street: '99 Late Road' });

    expect(moved.status).toBe(200);
    expect(moved.body.address.street).toBe('18 Gudun Road');
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ code: 'order.address_locked', currentStatus: 'shipped' });
  });

  it('POST cancellation of a paid order → 422; If-Match with a stale revision → 409', async () => {
    const { id } = await place();
    await payFor(id);

    const paidCancel = await http().post(`/orders/${id}/cancellation`).set(buyer).send({ reason: 'too slow' });
    const stale = await http()
      .post(`/orders/${id}/notes`)
      .set({ ...agent, 'If-Match': '"0"' })
      .send({ text: 'late note' });

    expect(paidCancel.status).toBe(422);
    expect(paidCancel.body.rule).toBe('order.paid_order_needs_refund');
    expect(stale.status).toBe(409);
  });

  it('notes, invoice request, invoice and receipt confirmation → the order, completed, with notes by actor', async () => {
    const { id } = await place();
    await payFor(id);
    await http().post(`/orders/${id}/notes`).set(agent).send({ text: 'VIP', flag: 'red' }).expect(200);
    await http().post(`/orders/${id}/notes`).set(agent).send({ text: 'called buyer' }).expect(200);
    await http().post(`/orders/${id}/invoice-request`).set(buyer).send({ title: 'ACME Ltd', taxId: '91330100MA2X' }).expect(200);
    await http().post(`/orders/${id}/invoice`).set(agent).send({ invoiceNo: 'INV-1' }).expect(200);
    await dispatch(id);

    const confirmed = await http().post(`/orders/${id}/receipt-confirmation`).set(buyer).send({});

    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'completed',
      receiptConfirmedBy: 'buyer',
      invoice: { status: 'issued', invoiceNo: 'INV-1' },
    });
    expect(confirmed.body.notes.map((n: { text: string; actorId: string }) => [n.text, n.actorId])).toEqual([
      ['VIP', 'agent-7'],
      ['called buyer', 'agent-7'],
    ]);
  });

  it('GET one, its events and the list read the log and the read model; unknown → 404; bad query → 400', async () => {
    const { id } = await place();
    await place({ ...newOrder, shopId: 'shop-2' });
    await payFor(id);
    await env.platform.settle();

    const one = await http().get(`/orders/${id}`).set(platform);
    const events = await http().get(`/orders/${id}/events`).set(platform);
    const list = await http().get('/orders').set(platform).query({ shopId: 'shop-1', status: 'awaiting_shipment', limit: 10 });
    const unknown = await http().get('/orders/ord_nope').set(platform);
    const unknownEvents = await http().get('/orders/ord_nope/events').set(platform);
    const badQuery = await http().get('/orders').set(platform).query({ status: 'lost', limit: 0 });

    expect(one.status).toBe(200);
    expect(one.headers.etag).toBe('"1"');
    expect(one.body).toMatchObject({ id, status: 'awaiting_shipment', revision: 1 });
    expect(events.body.events.map((e: EventEnvelope) => [e.type, e.streamId, e.revision, e.actor.id])).toEqual([
      ['OrderPlaced', `order-${id}`, 0, 'buyer-1'],
      ['OrderPaid', `order-${id}`, 1, 'buyer-1'],
    ]);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([id]);
    expect(unknown.status).toBe(404);
    expect(unknownEvents.status).toBe(404);
    expect(badQuery.status).toBe(400);
    expect((badQuery.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['/limit', '/status']);
  });

  it('no caller → 401 problem with WWW-Authenticate, nothing placed', async () => {
    const res = await request(app.getHttpServer()).post('/orders').send(newOrder);

    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(await env.eventStore.headPosition()).toBe(0);
  });
});
