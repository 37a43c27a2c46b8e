import { useTestSystem } from '../support/embedded-system';
import { eventTypes, payOrder, placeOrder, shipOrder } from '../support/orders';

describe('order deadlines through HTTP (manual clock)', () => {
  const t = useTestSystem();

  it('given an unpaid order, when 12 h pass, then a payment reminder is recorded, and after 72 h the order is closed', async () => {
    const order = await placeOrder(t.api);
    expect(order.status).toBe('awaiting_payment');
    expect(order.deadlines.payBy).toBe('2026-11-05T08:00:00.000Z');

    await t.advance({ hours: 11, minutes: 59 });
    expect(await eventTypes(t.api, order.id)).toEqual(['OrderPlaced']);

    await t.advance({ minutes: 1 });
    expect(await eventTypes(t.api, order.id)).toEqual(['OrderPlaced', 'PaymentReminderDue']);

    await t.advance({ hours: 60 });
    const closed = (await t.api.get(`/orders/${order.id}`)).body;
    expect(closed.status).toBe('closed');
    expect(closed.closeReason).toBe('unpaid_timeout');
    const events = (await t.api.get(`/orders/${order.id}/events`)).body.events as any[];
    expect(events.map((e) => e.type)).toEqual(['OrderPlaced', 'PaymentReminderDue', 'OrderClosed']);
    expect(events[2].occurredAt).toBe('2026-11-05T08:00:00.000Z');
    expect(events[2].actor).toEqual({ id: 'scheduler', role: 'system' });
  });

  it('given an order paid within 12 h, then no reminder is recorded and it never closes unpaid', async () => {
    const order = await placeOrder(t.api);
    await t.advance({ hours: 2 });
    await payOrder(t.api, order);
    await shipOrder(t.api, order.id);
    await t.advance({ days: 4 });
    const types = await eventTypes(t.api, order.id);
    expect(types).not.toContain('PaymentReminderDue');
    expect(types).not.toContain('OrderClosed');
    expect(types).not.toContain('ShipByDeadlineMissed');
  });

  it('given a paid order not dispatched within 72 h, then the missed ship-by is recorded once, at the deadline', async () => {
    const order = await placeOrder(t.api);
    const paid = await payOrder(t.api, order);
    expect(paid.status).toBe('awaiting_shipment');
    expect(paid.deadlines.shipBy).toBe('2026-11-05T08:00:00.000Z');

    await t.advance({ hours: 71 });
    expect(await eventTypes(t.api, order.id)).not.toContain('ShipByDeadlineMissed');
    await t.advance({ hours: 30 });

    const events = (await t.api.get(`/orders/${order.id}/events`)).body.events as any[];
    const missed = events.filter((e) => e.type === 'ShipByDeadlineMissed');
    expect(missed).toHaveLength(1);
    expect(missed[0].occurredAt).toBe('2026-11-05T08:00:00.000Z');
    expect(missed[0].data).toMatchObject({ orderId: order.id, paidAmount: 101_000, shopId: 'shop-1' });
  });

  it('given an agreed ship window of 24 h, then the missed ship-by falls 24 h after payment', async () => {
    const order = await placeOrder(t.api, { shipWithinHours: 24 });
    const paid = await payOrder(t.api, order);
    expect(paid.deadlines.shipBy).toBe('2026-11-03T08:00:00.000Z');
    await t.advance({ hours: 25 });
    expect(await eventTypes(t.api, order.id)).toContain('ShipByDeadlineMissed');
  });

  it('given a dispatched order, when the auto-confirm period passes, then receipt is confirmed automatically and the order completes', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    await shipOrder(t.api, order.id);
    const shipped = (await t.api.get(`/orders/${order.id}`)).body;
    expect(shipped.status).toBe('shipped');
    expect(shipped.deadlines.autoConfirmAt).toBe('2026-11-12T08:00:00.000Z');
    await t.advance({ days: 10 });
    expect((await t.api.get(`/orders/${order.id}`)).body.status).toBe('completed');
  });
});
