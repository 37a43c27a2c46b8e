import { BufferedUnitOfWork, InMemoryReadModelStore, type RecordedEvent } from '@aftersales/kernel';
import { timelineProjection } from '../projections/timeline.projection';
import { logTimelineQueries } from './timeline.queries';

const at = (hour: number) => `2026-11-02T${String(hour).padStart(2, '0')}:00:00.000Z`;

const recorded = (position: number, type: string, streamId: string, hour: number): RecordedEvent => ({
  eventId: `evt-${position}`,
  type,
  schemaVersion: 1,
  streamId,
  revision: position,
  position,
  occurredAt: at(hour),
  recordedAt: at(hour),
  correlationId: 'corr',
  causationId: null,
  actor: { id: 'buyer-1', role: 'buyer' },
  data: { orderId: 'ord-1' },
});

async function timelineOf(events: RecordedEvent[]) {
  const store = new InMemoryReadModelStore();
  const uow = new BufferedUnitOfWork(store);
  for (const e of events) await timelineProjection.apply(e, uow);
  await store.commit(uow.toBatch(timelineProjection.name, events.at(-1)?.position ?? 0));
  return logTimelineQueries(store);
}

describe('timeline as of an instant', () => {
  const events = [
    recorded(1, 'OrderPlaced', 'order-ord-1', 8),
    recorded(2, 'OrderPaid', 'order-ord-1', 9),
    recorded(3, 'RefundRequested', 'refund-rf-1', 10),
    recorded(4, 'RefundApproved', 'refund-rf-1', 12),
    recorded(5, 'DisputeOpened', 'dispute-dsp-1', 13),
  ];

  it('given an order, a refund and a case recorded over the day, when read as of 10:30, then only what was recorded by then, with each stream as it stood', async () => {
    const timelines = await timelineOf(events);

    const page = await timelines.page('ord-1', { asOf: '2026-11-02T10:30:00Z' });

    expect(page?.entries.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderPaid', 'RefundRequested']);
    expect(page).toMatchObject({ revision: 3, asOf: '2026-11-02T10:30:00.000Z' });
    expect(page?.streams).toEqual([
      { streamId: 'order-ord-1', events: 2, lastEventType: 'OrderPaid', lastRecordedAt: at(9) },
      { streamId: 'refund-rf-1', events: 1, lastEventType: 'RefundRequested', lastRecordedAt: at(10) },
    ]);
  });

  it('given the instant of an event, then that event is included; as of an offset instant, it is compared in UTC', async () => {
    const timelines = await timelineOf(events);

    expect((await timelines.page('ord-1', { asOf: at(12) }))?.entries.at(-1)?.type).toBe('RefundApproved');
    expect((await timelines.page('ord-1', { asOf: '2026-11-02T20:00:00+08:00' }))?.entries.at(-1)?.type).toBe('RefundApproved');
  });

  it('given an instant before the order was placed, then there is nothing (404 at the edge)', async () => {
    const timelines = await timelineOf(events);

    expect(await timelines.page('ord-1', { asOf: at(7) })).toBeUndefined();
  });

  it('given more entries than a page, then the pages as of the instant follow each other through nextCursor', async () => {
    const timelines = await timelineOf(events);

    const first = await timelines.page('ord-1', { asOf: at(12), limit: 3 });
    const second = await timelines.page('ord-1', { asOf: at(12), limit: 3, cursor: first?.nextCursor });

    expect(first?.entries.map((e) => e.position)).toEqual([1, 2, 3]);
    expect(second?.entries.map((e) => e.position)).toEqual([4]);
    expect(second?.nextCursor).toBeUndefined();
  });
});
