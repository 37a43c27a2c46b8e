import { buyer } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { paidOrder, refundCommand, requestRefund } from '../support/refunds';

describe('order timeline as of an instant', () => {
  const t = useTestSystem('all');

  it('given an order paid, a refund asked a day later and approved the next day, when read as of the day between, then the order and the refund stand as they did then', async () => {
    const { order } = await paidOrder(t.api, 'delivered');
    await t.advance({ hours: 24 });
    const refund = await requestRefund(t.api, { orderId: order.id, type: 'refund_only', reason: 'quality', amount: 20_000, items: [{ sku: 'cup', quantity: 1 }] });
    const { now: between } = await t.advance({ hours: 12 });
    await t.advance({ hours: 12 });
    await refundCommand(t.api, refund.id, 'approval');
    await t.settle();

    const then = await t.api.get(`/orders/${order.id}/timeline?asOf=${encodeURIComponent(between)}`, buyer);
    const today = await t.api.get(`/orders/${order.id}/timeline`, buyer);

    expect(then.status).toBe(200);
    expect(then.body.asOf).toBe(new Date(between).toISOString());
    expect(then.body.entries.every((e: any) => e.recordedAt <= between)).toBe(true);
    expect(then.body.entries.map((e: any) => e.type)).toContain('RefundRequested');
    expect(then.body.entries.map((e: any) => e.type)).not.toContain('RefundApproved');
    const refundThen = then.body.streams.find((s: any) => s.streamId === `refund-${refund.id}`);
    expect(refundThen).toMatchObject({ lastEventType: 'RefundRequested' });
    expect(today.body.entries.map((e: any) => e.type)).toContain('RefundApproved');
    expect(today.body.streams).toBeUndefined();
  });

  it('given an instant that is not one, then 400 problem+json naming the field', async () => {
    const { order } = await paidOrder(t.api, 'paid');

    const answer = await t.api.get(`/orders/${order.id}/timeline?asOf=yesterday`, buyer);

    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(answer.body)).toContain('asOf');
  });

  it('given an instant before the order was placed, then 404', async () => {
    const { order } = await paidOrder(t.api, 'paid');

    expect((await t.api.get(`/orders/${order.id}/timeline?asOf=2020-01-01T00:00:00Z`, buyer)).status).toBe(404);
  });
});
