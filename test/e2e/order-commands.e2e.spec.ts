import { buyer, agent } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { address, eventTypes, payOrder, placeOrder, placeOrderBody, shipOrder } from '../support/orders';

describe('order commands through HTTP', () => {
  const t = useTestSystem('all');

  it('given a new order, then it carries totals in minor units, an ETag and the ids of its events', async () => {
    const answer = await t.api.post('/orders', placeOrderBody());
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'awaiting_payment', itemsTotal: 100_000, shippingFee: 1_000, total: 101_000, currency: 'CNY', revision: 0 });
    expect(answer.headers.get('etag')).toBe('"0"');
    expect(answer.body.eventIds).toHaveLength(1);
    const read = await t.api.get(`/orders/${answer.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: answer.body.id, total: 101_000, revision: 0 });
  });

  it('given a replayed Idempotency-Key with the same body, then the first response returns and nothing is appended', async () => {
    const headers = { 'idempotency-key': 'place-once' };
    const first = await t.api.post('/orders', placeOrderBody(), buyer, headers);
    const again = await t.api.post('/orders', placeOrderBody(), buyer, headers);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(await eventTypes(t.api, first.body.id)).toEqual(['OrderPlaced']);

    const reused = await t.api.post('/orders', placeOrderBody({ shippingFee: 0 }), buyer, headers);
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
  });

  it('given a replayed payment key, then the order is paid once', async () => {
    const order = await placeOrder(t.api);
    const first = await payOrder(t.api, order);
    const second = await payOrder(t.api, order);
    expect(second.eventIds).toEqual(first.eventIds);
    expect((await eventTypes(t.api, order.id)).filter((type) => type === 'OrderPaid')).toHaveLength(1);
  });

  it('given a payment that differs from the total, then it is refused with 422 naming the rule', async () => {
    const order = await placeOrder(t.api);
    const answer = await t.api.post(`/orders/${order.id}/payment`, { amount: order.total - 1, paymentRef: 'p' }, buyer, { 'idempotency-key': 'short' });
    expect(answer.status).toBe(422);
    expect(answer.body.rule).toBeDefined();
    expect(await eventTypes(t.api, order.id)).toEqual(['OrderPlaced']);
  });

  it('given a stale If-Match, then the command is refused with 409 and changes nothing', async () => {
    const order = await placeOrder(t.api);
    await t.api.post(`/orders/${order.id}/notes`, { text: 'first' }, agent);
    const stale = await t.api.post(`/orders/${order.id}/notes`, { text: 'second' }, agent, { 'if-match': '"0"' });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    const fresh = await t.api.post(`/orders/${order.id}/notes`, { text: 'second' }, agent, { 'if-match': '"1"' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.revision).toBe(2);
  });

  it('given malformed input, then 400 lists every bad field and nothing is appended', async () => {
    const before = (await t.api.get('/orders?shopId=shop-bad')).body.items.length;
    const answer = await t.api.post('/orders', placeOrderBody({ shopId: 'shop-bad', items: [{ sku: 'x', title: 't', quantity: 0, unitPrice: 1.5 }], shippingFee: -1 }));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    const fields = (answer.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/items/0/quantity', '/items/0/unitPrice', '/shippingFee']));
    await t.settle();
    expect((await t.api.get('/orders?shopId=shop-bad')).body.items.length).toBe(before);
  });

  it('given a body that is not JSON, then 400 problem+json', async () => {
    const answer = await t.api.post('/orders', '{"buyerId":', buyer);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  it('given an unknown order, then 404 problem+json', async () => {
    const answer = await t.api.get('/orders/ord_missing');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 404 });
  });

  it('given notes, then they are appended in order with the agent id and flag, never overwritten', async () => {
    const order = await placeOrder(t.api);
    await t.api.post(`/orders/${order.id}/notes`, { text: 'gift wrap', flag: 'red' }, agent);
    await t.api.post(`/orders/${order.id}/notes`, { text: 'called buyer' }, { id: 'agent-9', role: 'agent', shops: ['shop-1'] });
    const read = (await t.api.get(`/orders/${order.id}`)).body;
    expect(read.notes).toEqual([
      expect.objectContaining({ text: 'gift wrap', flag: 'red', actorId: 'agent-7' }),
      expect.objectContaining({ text: 'called buyer', actorId: 'agent-9' }),
    ]);
  });

  it('given 25 notes, then the order carries the newest 20 and their count, and GET notes pages through all 25 oldest first', async () => {
    const order = await placeOrder(t.api);
    let answer: any;
    for (let i = 1; i <= 25; i++) answer = (await t.api.post(`/orders/${order.id}/notes`, { text: `note ${i}` }, agent)).body;
    await t.settle();

    const read = (await t.api.get(`/orders/${order.id}`)).body;
    const first = (await t.api.get(`/orders/${order.id}/notes?limit=10`)).body;
    const rest = (await t.api.get(`/orders/${order.id}/notes?limit=100&cursor=${first.nextCursor}`)).body;

    expect({ count: answer.notesCount, carried: answer.notes.length, newest: answer.notes[19].text }).toEqual({ count: 25, carried: 20, newest: 'note 25' });
    expect({ count: read.notesCount, carried: read.notes.map((n: any) => n.noteNo) }).toEqual({
      count: 25,
      carried: Array.from({ length: 20 }, (_, i) => i + 6),
    });
    expect([...first.notes, ...rest.notes].map((n: any) => n.text)).toEqual(Array.from({ length: 25 }, (_, i) => `note ${i + 1}`));
    expect({ notesCount: first.notesCount, more: first.nextCursor !== undefined, last: rest.nextCursor }).toEqual({ notesCount: 25, more: true, last: undefined });
    expect((await t.api.get('/orders/ord_nothing/notes')).status).toBe(404);
  });

  it('given a dispatched order, then an address change is refused with 409 naming the status; before dispatch it is accepted', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    const changed = await t.api.put(`/orders/${order.id}/address`, { ...address, street: '2 Wensan Road' });
    expect(changed.status).toBe(200);
    expect(changed.body.address.street).toBe('2 Wensan Road');

    await shipOrder(t.api, order.id);
    await t.settle();
    const refused = await t.api.put(`/orders/${order.id}/address`, { ...address, street: '3 Wensan Road' });
    expect(refused.status).toBe(409);
    expect(refused.body.currentStatus).toBe('shipped');
    expect((await t.api.get(`/orders/${order.id}`)).body.address.street).toBe('2 Wensan Road');
  });

  it('given an invoice request, then the merchant issues it and both are on the order', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    expect((await t.api.post(`/orders/${order.id}/invoice-request`, { title: 'Li Lei' })).status).toBe(200);
    const issued = await t.api.post(`/orders/${order.id}/invoice`, { invoiceNo: 'INV-1' }, agent);
    expect(issued.status).toBe(200);
    expect(await eventTypes(t.api, order.id)).toEqual(expect.arrayContaining(['InvoiceRequested', 'InvoiceIssued']));
  });

  it('given a cancelled order, then paying it is a 409 naming the closed status', async () => {
    const order = await placeOrder(t.api);
    expect((await t.api.post(`/orders/${order.id}/cancellation`, { reason: 'changed my mind' })).status).toBe(200);
    const answer = await t.api.post(`/orders/${order.id}/payment`, { amount: order.total, paymentRef: 'p' }, buyer, { 'idempotency-key': 'late-pay' });
    expect(answer.status).toBe(409);
    expect(answer.body.currentStatus).toBe('closed');
  });

  it('given orders, when listed by shop and status, then the list pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) await placeOrder(t.api, { shopId: 'shop-list' });
    await t.settle(); // lists are read models: on MongoDB a filtered query sees an order once its document is written
    const first = await t.api.get('/orders?shopId=shop-list&status=awaiting_payment&limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeDefined();
    const second = await t.api.get(`/orders?shopId=shop-list&status=awaiting_payment&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
  });
});
