import type { EventEnvelope } from '@aftersales/contracts';
import type { CommandContext } from '@aftersales/kernel';
import { busEvent } from '../testing/bus-events';
import { orderServicePerTest, placePaidOrder } from '../testing/in-memory-platform';
import { ORDER_TOTAL, placeOrderInput as order, replacementOfOneCup } from '../testing/order-fixtures';

const buyer: CommandContext = { actor: { id: 'buyer-1', role: 'buyer' }, correlationId: 'corr-place' };
const agent: CommandContext = { actor: { id: 'agent-7', role: 'agent' } };

const logisticsEvent = (type: string, data: Record<string, unknown>, eventId = `lg-${type}`): EventEnvelope =>
  busEvent(type, data, {
    eventId,
    streamId: `shipment-${String(data.shipmentId)}`,
    position: 100,
    correlationId: 'corr-logistics',
    actor: { id: 'merchant-agent-3', role: 'agent' },
  });
const dispatched = (orderId: string, eventId?: string) =>
  logisticsEvent(
    'ShipmentDispatched',
    { shipmentId: 'shp-1', orderId, carrier: 'sf', trackingNo: 'SF1', dispatchedAt: '2026-11-03T08:00:00.000Z', trigger: 'manual' },
    eventId,
  );

describe('order service (in-memory platform)', () => {
  const app = orderServicePerTest();

  it('given a new order, when placed, then a server-side ord_ id names its stream, CNY is the default and the read model shows it', async () => {
    const result = await app.service.placeOrder(order, buyer);

    const orderId = result.state!.id;
    expect(orderId).toMatch(/^ord_[0-9a-z]{9}[0-9a-f]{10}$/);
    expect(result).toMatchObject({ streamId: `order-${orderId}`, revision: 0, replayed: false });
    expect(result.state).toMatchObject({ status: 'awaiting_payment', currency: 'CNY', total: ORDER_TOTAL });
    expect(result.events[0]).toMatchObject({ type: 'OrderPlaced', actor: buyer.actor, correlationId: 'corr-place' });

    await app.env.platform.settle();
    expect(await app.service.getOrder(orderId)).toEqual({ ...result.state, revision: 0 });
    expect((await app.service.orderStream(orderId)).map((e) => e.eventId)).toEqual(result.eventIds);
  });

  it('given an Idempotency-Key, when the same order is posted twice, then the first order is answered and only one exists', async () => {
    const ctx = { ...buyer, commandKey: { key: 'POST /orders:buyer-1:k1', requestHash: 'h1' } };

    const first = await app.service.placeOrder(order, ctx);
    const again = await app.service.placeOrder(order, ctx);

    expect(again).toMatchObject({ replayed: true, streamId: first.streamId, eventIds: first.eventIds });
    await app.env.platform.settle();
    expect((await app.service.listOrders({ buyerId: 'buyer-1' })).items).toHaveLength(1);
  });

  it('given orders of two shops, when listed by shop and status, then only the matching ones come, a page at a time', async () => {
    for (const shopId of ['shop-1', 'shop-1', 'shop-2']) {
      await app.service.placeOrder({ ...order, shopId }, buyer);
      app.env.clock.advanceBy(1000);
    }
    await app.env.platform.settle();

    const firstPage = await app.service.listOrders({ shopId: 'shop-1', status: 'awaiting_payment', limit: 1 });
    const secondPage = await app.service.listOrders({ shopId: 'shop-1', limit: 1, cursor: firstPage.nextCursor });

    expect(firstPage.items).toHaveLength(1);
    expect(secondPage.items).toHaveLength(1);
    expect(secondPage.items[0].id > firstPage.items[0].id).toBe(true);
    expect(secondPage.nextCursor).toBeUndefined();
    expect((await app.service.listOrders({ shopId: 'shop-2' })).items).toHaveLength(1);
  });

  it('given an agent, when a note is added, then the note is attributed to the acting agent', async () => {
    const orderId = (await app.service.placeOrder(order, buyer)).state!.id;

    const result = await app.service.addNote(orderId, { text: 'VIP buyer', flag: 'red' }, agent);

    expect(result.state?.notes).toEqual([
      { noteNo: 1, text: 'VIP buyer', flag: 'red', actorId: 'agent-7', at: app.env.clock.now().toISOString() },
    ]);
  });

  it('given an unpaid order, when 12 h and then 72 h pass, then the reminder is recorded and the order closes, by the scheduler', async () => {
    const placed = await app.service.placeOrder(order, buyer);
    const orderId = placed.state!.id;

    await app.env.advanceHours(12);
    await app.env.advanceHours(60);

    const stream = await app.service.orderStream(orderId);
    expect(stream.map((e) => [e.type, e.occurredAt])).toEqual([
      ['OrderPlaced', '2026-11-02T08:00:00.000Z'],
      ['PaymentReminderDue', '2026-11-02T20:00:00.000Z'],
      ['OrderClosed', '2026-11-05T08:00:00.000Z'],
    ]);
    expect(stream[2]).toMatchObject({
      actor: { id: 'scheduler', role: 'system' },
      causationId: placed.eventIds[0],
      correlationId: 'corr-place',
      data: { reason: 'unpaid_timeout' },
    });
    expect(await app.service.getOrder(orderId)).toMatchObject({ status: 'closed', closeReason: 'unpaid_timeout', revision: 2 });
  });

  it('given a paid order nobody ships, when 72 h pass after payment, then ShipByDeadlineMissed is recorded and no unpaid close happens', async () => {
    const orderId = await placePaidOrder(app.service, buyer);

    await app.env.advanceHours(80);

    expect((await app.service.orderStream(orderId)).map((e) => e.type)).toEqual(['OrderPlaced', 'OrderPaid', 'ShipByDeadlineMissed']);
  });

  it('given a fired timer, when it fires again (after a crash), then nothing more is appended', async () => {
    const placed = await app.service.placeOrder(order, buyer);
    const orderId = placed.state!.id;
    await app.env.platform.settle();
    const [reminder] = await app.env.platform.timers.pending();
    app.env.clock.advanceBy(12 * 3_600_000);

    await app.service.runtime.fireTimer(reminder);
    await app.service.runtime.fireTimer(reminder);

    expect((await app.service.orderStream(orderId)).map((e) => e.type)).toEqual(['OrderPlaced', 'PaymentReminderDue']);
  });

  it('given a paid order, when logistics reports the dispatch twice, then it is shipped once, caused by the logistics event', async () => {
    const orderId = await placePaidOrder(app.service, buyer);

    const first = await app.service.onLogisticsEvent(dispatched(orderId, 'lg-1'));
    const again = await app.service.onLogisticsEvent(dispatched(orderId, 'lg-1'));

    expect(first).toMatchObject({ outcome: 'applied', replayed: false });
    expect(again).toMatchObject({ outcome: 'applied', replayed: true });
    const stream = await app.service.orderStream(orderId);
    expect(stream.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderPaid', 'OrderShipped']);
    expect(stream[2]).toMatchObject({ causationId: 'lg-1', correlationId: 'corr-logistics', actor: { id: 'merchant-agent-3' } });
  });

  it('given a shipped order, when 10 days pass, then receipt is confirmed automatically and the order is completed', async () => {
    const orderId = await placePaidOrder(app.service, buyer);
    await app.service.onLogisticsEvent(dispatched(orderId));

    await app.env.advanceHours(24 * 11);

    expect(await app.service.getOrder(orderId)).toMatchObject({ status: 'completed', receiptConfirmedBy: 'auto' });
  });

  it('given a COD order delivered, when logistics reports it, then the order is delivered and paid', async () => {
    const orderId = (await app.service.placeOrder({ ...order, paymentMethod: 'cod' }, buyer)).state!.id;
    await app.service.onLogisticsEvent(dispatched(orderId));

    await app.service.onLogisticsEvent(
      logisticsEvent('ShipmentDelivered', { shipmentId: 'shp-1', orderId, deliveredAt: '2026-11-04T08:00:00.000Z' }),
    );
    await app.env.platform.settle();

    expect(await app.service.getOrder(orderId)).toMatchObject({ status: 'delivered', paidAmount: ORDER_TOTAL });
  });

  it('given a COD order shipped, when the refused parcel is returned, then the order closes as returned_to_merchant', async () => {
    const orderId = (await app.service.placeOrder({ ...order, paymentMethod: 'cod' }, buyer)).state!.id;
    await app.service.onLogisticsEvent(dispatched(orderId));

    await app.service.onLogisticsEvent(
      logisticsEvent('ShipmentReturned', {
        shipmentId: 'shp-1',
        orderId,
        returnedAt: '2026-11-06T08:00:00.000Z',
        reason: 'refused',
        trigger: 'carrier_scan',
      }),
    );
    await app.env.platform.settle();

    expect(await app.service.getOrder(orderId)).toMatchObject({ status: 'closed', closeReason: 'returned_to_merchant' });
  });

  it('given an unpaid order, when a dispatch arrives, then the reaction reports the refusal instead of failing the consumer', async () => {
    const orderId = (await app.service.placeOrder(order, buyer)).state!.id;

    const outcome = await app.service.onLogisticsEvent(dispatched(orderId));

    expect(outcome).toEqual({ outcome: 'refused', code: 'illegal_transition', message: expect.stringContaining('awaiting_payment') });
    expect((await app.service.orderStream(orderId)).map((e) => e.type)).toEqual(['OrderPlaced']);
  });

  it('given a logistics event the order does not follow, when it arrives, then it is ignored', async () => {
    const outcome = await app.service.onLogisticsEvent(logisticsEvent('CarrierEventRecorded', { shipmentId: 'shp-1', orderId: 'ord_x' }));

    expect(outcome).toEqual({ outcome: 'ignored' });
  });

  it('given a delivered exchange, when the replacement is placed (twice, same key), then it copies buyer, shop, address and lines at no charge, once', async () => {
    const original = await placePaidOrder(app.service, buyer);
    const input = {
      orderId: 'ord_replacement1',
      replacesOrderId: original,
      exchangeRefundId: 'rfd_x1',
      items: [{ sku: 'cup', quantity: 1 }],
    };
    const refundCtx: CommandContext = {
      actor: { id: 'refund', role: 'system' },
      commandKey: { key: 'consumer:order:evt-1', requestHash: 'h' },
    };

    const first = await app.service.placeReplacementOrder(input, refundCtx);
    const again = await app.service.placeReplacementOrder(input, refundCtx);
    await app.env.platform.settle();

    expect(first.state).toMatchObject({ id: 'ord_replacement1', ...replacementOfOneCup(original) });
    expect(again.replayed).toBe(true);
    expect((await app.service.orderStream('ord_replacement1')).map((e) => e.type)).toEqual(['OrderPlaced']);
    expect(await app.service.getOrder('ord_replacement1')).toMatchObject({ replacesOrderId: original, total: 0 });
  });

  it('given lines the original order does not have, when a replacement is placed, then 400 naming the line and nothing is appended', async () => {
    const original = await placePaidOrder(app.service, buyer);
    await expect(
      app.service.placeReplacementOrder(
        { orderId: 'ord_r2', replacesOrderId: original, exchangeRefundId: 'rfd_x2', items: [{ sku: 'nope', quantity: 1 }] },
        agent,
      ),
    ).rejects.toMatchObject({ kind: 'invalid', details: { fields: [{ field: '/items/0/sku', message: expect.any(String) }] } });
    await expect(
      app.service.placeReplacementOrder(
        { orderId: 'ord_r3', replacesOrderId: 'ord_missing', exchangeRefundId: 'rfd_x3', items: [{ sku: 'cup', quantity: 1 }] },
        agent,
      ),
    ).rejects.toMatchObject({ kind: 'not_found' });
    expect(await app.service.orderStream('ord_r2')).toEqual([]);
  });

  it('given a shipped order, when the dispatch of a reissue parcel (naming its refund) arrives, then the order ignores it', async () => {
    const orderId = await placePaidOrder(app.service, buyer);
    await app.service.onLogisticsEvent(dispatched(orderId, 'lg-1'));
    const reissue = logisticsEvent(
      'ShipmentDispatched',
      {
        shipmentId: 'shp-2',
        orderId,
        refundId: 'rfd_r1',
        carrier: 'sf',
        trackingNo: 'SF2',
        dispatchedAt: '2026-11-05T08:00:00.000Z',
        trigger: 'manual',
      },
      'lg-2',
    );

    expect(await app.service.onLogisticsEvent(reissue)).toEqual({ outcome: 'ignored' });
    expect((await app.service.orderStream(orderId)).map((e) => e.type)).toEqual(['OrderPlaced', 'OrderPaid', 'OrderShipped']);
  });
});
