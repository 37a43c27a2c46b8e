import { agent } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { carrierEvent, payOrder, placeOrder, postCarrierEvent, shipOrder } from '../support/orders';

describe('order timeline across services', () => {
  const t = useTestSystem('all');

  it('given an order that was paid, shipped and delivered, then its timeline lists every service’s events in order with who did it and what caused it', async () => {
    const order = await placeOrder(t.api);
    await payOrder(t.api, order);
    await t.api.post(`/orders/${order.id}/notes`, { text: 'fragile' }, agent);
    const shipment = await shipOrder(t.api, order.id, 'SF-TIMELINE');
    const { now } = await t.advance({ hours: 25 }); // delivered a day later: a scan is not dated ahead of the clock
    await postCarrierEvent(t.api, carrierEvent('SF-TIMELINE', 'tl-1', 'delivered', now));
    await t.settle();

    const answer = await t.api.get(`/orders/${order.id}/timeline`);

    expect(answer.status).toBe(200);
    const entries = answer.body.entries as any[];
    const positions = entries.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(entries.map((e) => `${e.service}:${e.type}`)).toEqual([
      'order:OrderPlaced',
      'order:OrderPaid',
      'order:OrderNoteAdded',
      'logistics:ShipmentCreated',
      'order:ShippingAddressLocked',
      'logistics:ShipmentDispatched',
      'order:OrderShipped',
      'logistics:CarrierEventRecorded',
      'logistics:ShipmentDelivered',
      'order:OrderDelivered',
    ]);
    const dispatched = entries.find((e) => e.type === 'ShipmentDispatched');
    const shipped = entries.find((e) => e.type === 'OrderShipped');
    expect(shipped.causationId).toBe(dispatched.eventId);
    expect(dispatched.streamId).toBe(`shipment-${shipment.id}`);
    expect(entries.find((e) => e.type === 'OrderNoteAdded').actor).toEqual({ id: 'agent-7', role: 'agent' });
  });

  it('given an order with more entries than a page, then the pages follow each other through nextCursor, every entry once, in order', async () => {
    const order = await placeOrder(t.api);
    for (let i = 0; i < 6; i++) await t.api.post(`/orders/${order.id}/notes`, { text: `note ${i}` }, agent);
    await t.settle();

    const pages: any[] = [];
    let cursor: string | undefined;
    do {
      const answer = await t.api.get(`/orders/${order.id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      pages.push(answer.body);
      cursor = answer.body.nextCursor;
    } while (cursor);

    expect(pages.map((page) => page.entries.length)).toEqual([3, 3, 1]);
    const entries = pages.flatMap((page) => page.entries);
    expect(entries.map((e) => e.type)).toEqual(['OrderPlaced', ...Array(6).fill('OrderNoteAdded')]);
    expect(entries.map((e) => e.position)).toEqual([...entries.map((e) => e.position)].sort((a, b) => a - b));
    expect(new Set(pages.map((page) => page.revision))).toEqual(new Set([entries[entries.length - 1].position]));
  });

  it('given a cursor the API did not issue, then the timeline is 400', async () => {
    const order = await placeOrder(t.api);
    await t.settle();

    expect((await t.api.get(`/orders/${order.id}/timeline?cursor=bm9wZQ`)).status).toBe(400);
  });

  it('given an unknown order, then its timeline is 404', async () => {
    expect((await t.api.get('/orders/ord_nothing/timeline')).status).toBe(404);
  });
});
