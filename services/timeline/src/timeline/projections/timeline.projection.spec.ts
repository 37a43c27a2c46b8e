import { BufferedUnitOfWork, InMemoryReadModelStore, type RecordedEvent } from '@aftersales/kernel';
import { logTimelineQueries } from '../application/timeline.queries';
import { timelineProjection } from './timeline.projection';

const event = (position: number, orderId = 'ord-1'): RecordedEvent => ({
  eventId: `evt-${position}`,
  type: 'OrderNoteAdded',
  schemaVersion: 1,
  streamId: `order-${orderId}`,
  revision: position,
  position,
  occurredAt: '2026-11-02T08:00:00.000Z',
  recordedAt: '2026-11-02T08:00:00.000Z',
  correlationId: 'corr',
  causationId: null,
  actor: { id: 'agent-7', role: 'agent' },
  data: { orderId, noteNo: position, text: 'n', agentId: 'agent-7', addedAt: '2026-11-02T08:00:00.000Z' },
});

async function project(events: RecordedEvent[], store: InMemoryReadModelStore): Promise<void> {
  const uow = new BufferedUnitOfWork(store);
  for (const e of events) await timelineProjection.apply(e, uow);
  await store.commit(uow.toBatch(timelineProjection.name, events.at(-1)?.position ?? 0));
}

describe('timeline projection (log-fed)', () => {
  it('given events of two orders, some applied twice, then each order lists its own once, in log order, a page at a time', async () => {
    const store = new InMemoryReadModelStore();
    await project([event(1), event(2, 'ord-2'), event(3), event(4)], store);
    await project([event(3), event(4), event(5)], store);
    const timelines = logTimelineQueries(store);

    const first = await timelines.page('ord-1', { limit: 3 });
    const second = await timelines.page('ord-1', { limit: 3, cursor: first?.nextCursor });

    expect(first).toMatchObject({ orderId: 'ord-1', revision: 5, nextCursor: expect.any(String) });
    expect(first?.entries.map((e) => e.position)).toEqual([1, 3, 4]);
    expect(second).toEqual({ orderId: 'ord-1', revision: 5, entries: [expect.objectContaining({ position: 5, eventId: 'evt-5' })] });
    expect((await timelines.page('ord-2', {}))?.entries.map((e) => e.eventId)).toEqual(['evt-2']);
    expect(await timelines.page('ord-9', {})).toBeUndefined();
  });

  it('given an order placed, then the timeline knows whose order it is (the edge shows it only to them); an unplaced one, nobody', async () => {
    const store = new InMemoryReadModelStore();
    const placed: RecordedEvent = { ...event(1), type: 'OrderPlaced', data: { orderId: 'ord-1', buyerId: 'buyer-1', shopId: 'shop-1' } };
    await project([placed, event(2), event(3, 'ord-2')], store);
    const timelines = logTimelineQueries(store);

    expect(await timelines.orderParties('ord-1')).toEqual({ buyerId: 'buyer-1', shopId: 'shop-1' });
    expect(await timelines.orderParties('ord-2')).toBeUndefined();
  });
});
