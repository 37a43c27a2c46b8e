import type { OrderEvent } from '@aftersales/contracts';
import { BufferedUnitOfWork, InMemoryReadModelStore, type RecordedEvent } from '@aftersales/kernel';
import { deciderSpec } from '@aftersales/kernel/testing';
import type { Projection } from '@aftersales/kernel';
import { ordersProjection } from './orders.projection';
import { orderNotesProjection } from './order-notes.projection';
import type { OrderDocument } from './order.document';
import { orderDecider } from '../domain';
import { address, hoursAfterT0, ORDER_ID, ORDER_TOTAL } from '../testing/order-fixtures';
import {
  invoiceRequested,
  noteAdded,
  orderDelivered,
  orderPaid,
  orderPlaced,
  orderShipped,
  shippingAddressChanged,
} from '../testing/order-events';

const toRecorded = (events: OrderEvent[], streamId = `order-${ORDER_ID}`): RecordedEvent[] =>
  events.map((event, revision) => ({
    eventId: `evt-${revision}`,
    type: event.type,
    schemaVersion: 1,
    streamId,
    revision,
    position: revision + 1,
    occurredAt: hoursAfterT0(revision),
    recordedAt: hoursAfterT0(revision),
    correlationId: 'corr',
    causationId: null,
    actor: { id: 'agent-7', role: 'agent' },
    data: event.data,
  }));

async function project(events: RecordedEvent[], store = new InMemoryReadModelStore(), projection: Projection = ordersProjection) {
  const uow = new BufferedUnitOfWork(store);
  for (const event of events) if (projection.handles(event.type)) await projection.apply(event, uow);
  await store.commit(uow.toBatch(projection.name, events.length));
  return store;
}

describe('orders projection', () => {
  const history = deciderSpec(orderDecider).given([
    orderPlaced(),
    noteAdded('call before delivery', { flag: 'red', addedAt: hoursAfterT0(2) }),
    orderPaid({ paidAt: hoursAfterT0(3) }),
    shippingAddressChanged({ ...address, street: '18 Gudun Road' }, hoursAfterT0(4)),
    invoiceRequested({ title: 'ACME Ltd' }),
    orderShipped({ dispatchedAt: hoursAfterT0(20), shipBy: hoursAfterT0(75) }),
    orderDelivered({ deliveredAt: hoursAfterT0(40) }),
  ]);

  it('given an order’s events, when projected, then the document is the GET /orders/{id} view at the last revision', async () => {
    const events = toRecorded(history.events);

    const store = await project(events);

    const doc = await store.get<OrderDocument>('orders', ORDER_ID);
    expect(doc).toEqual({ ...history.state, revision: events.length - 1 });
    expect(doc).toMatchObject({
      id: ORDER_ID,
      status: 'delivered',
      buyerId: 'buyer-1',
      shopId: 'shop-1',
      total: ORDER_TOTAL,
      paidAmount: ORDER_TOTAL,
      address: { street: '18 Gudun Road' },
      notes: [{ noteNo: 1, text: 'call before delivery', flag: 'red', actorId: 'agent-7', at: hoursAfterT0(2) }],
      deadlines: { payBy: hoursAfterT0(72), shipBy: hoursAfterT0(75), autoConfirmAt: hoursAfterT0(20 + 240) },
      invoice: { status: 'requested', title: 'ACME Ltd' },
    });
  });

  it('given a document already at a revision, when an older event is applied again, then the document does not change', async () => {
    const events = toRecorded(history.events);
    const store = await project(events);
    const before = await store.get<OrderDocument>('orders', ORDER_ID);

    await project([events[2], events[0]], store);

    expect(await store.get<OrderDocument>('orders', ORDER_ID)).toEqual(before);
  });

  it('given the first events only, when the rest arrive in a later batch, then the result equals one batch', async () => {
    const events = toRecorded(history.events);
    const store = await project(events.slice(0, 3));

    await project(events.slice(3), store);

    expect(await store.get<OrderDocument>('orders', ORDER_ID)).toEqual(await (await project(events)).get('orders', ORDER_ID));
  });

  it('given a buffered document, when the next event is projected, then a new document is put and the previous one is left as it was', async () => {
    const events = toRecorded(history.events);
    const uow = new BufferedUnitOfWork(new InMemoryReadModelStore());
    for (const event of events.slice(0, 2)) await ordersProjection.apply(event, uow);
    const before = (await uow.get<OrderDocument>('orders', ORDER_ID)) as OrderDocument;
    const snapshot = structuredClone(before);

    await ordersProjection.apply(events[2], uow);

    const after = await uow.get<OrderDocument>('orders', ORDER_ID);
    expect(after).not.toBe(before);
    expect(after?.revision).toBe(2);
    expect(before).toEqual(snapshot);
  });

  it('given many notes, when projected, then the document carries the newest 20 and every note is a row, in order, once even when replayed', async () => {
    const notes = Array.from({ length: 30 }, (_, i) => noteAdded(`note ${i + 1}`, { noteNo: i + 1 }));
    const events = toRecorded([orderPlaced(), ...notes]);

    const store = await project(events);
    await project(events, store, orderNotesProjection);
    await project(events.slice(10, 20), store, orderNotesProjection);

    const doc = await store.get<OrderDocument>('orders', ORDER_ID);
    const rows = await store.rows<{ noteNo: number; text: string }>('order-notes', ORDER_ID, { limit: 100 });
    expect({ count: doc?.notesCount, carried: doc?.notes.map((n) => n.noteNo) }).toEqual({
      count: 30,
      carried: Array.from({ length: 20 }, (_, i) => 11 + i),
    });
    expect(rows.items.map((row) => [row.seq, row.value.text])).toEqual(Array.from({ length: 30 }, (_, i) => [i + 1, `note ${i + 1}`]));
  });

  it('handles order events only, and filters by shop, buyer and status through top-level fields', async () => {
    expect(ordersProjection.handles('OrderPaid')).toBe(true);
    expect(ordersProjection.handles('ShipmentDispatched')).toBe(false);
    expect(orderNotesProjection.handles('OrderNoteAdded')).toBe(true);
    expect(orderNotesProjection.handles('OrderPaid')).toBe(false);

    const store = await project(toRecorded(history.events));
    const found = await store.find<OrderDocument>('orders', { where: { shopId: 'shop-1', status: 'delivered' } });
    const none = await store.find<OrderDocument>('orders', { where: { buyerId: 'buyer-2' } });

    expect(found.items.map((d) => d.id)).toEqual([ORDER_ID]);
    expect(none.items).toEqual([]);
  });
});
