import { agent } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { payOrder, placeOrder } from '../support/orders';

describe('a shipment for an order logistics does not know, through HTTP', () => {
  const t = useTestSystem('all');

  it('given an order id nobody placed, when a shipment is created for it, then 404 comes at once (the order view has caught up), not after the 2 s wait', async () => {
    await t.settle();
    const started = Date.now();

    const answer = await t.api.post('/shipments', { orderId: 'ord_neverplaced', carrier: 'SF', trackingNo: 'SF-NOBODY' }, agent);

    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('given an order paid a moment ago, when a shipment is created at once, then it waits for the order view and succeeds', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);

    const answer = await t.api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: `SF-NOW-${order.id}` }, agent);

    expect(answer.status).toBe(201);
  });
});
