import { topicOf, type EventEnvelope, type ServiceName } from '@aftersales/contracts';
import { InMemoryReadModelStore } from '@aftersales/kernel';
import { SqliteMessageBus } from '@aftersales/sqlite';
import { BusTimeline, busTimelineQueries } from '@aftersales/timeline';

/** The Kafka-mode timeline on a real bus adapter (the embedded one): rows by arrival, ordered when read, paged. */
const envelope = (eventId: string, type: string, streamId: string, revision: number, causationId: string | null, orderId = 'ord-1'): EventEnvelope =>
  ({
    eventId,
    type,
    schemaVersion: 1,
    streamId,
    revision,
    position: 0,
    occurredAt: '2026-11-02T08:00:00.000Z',
    recordedAt: '2026-11-02T08:00:00.000Z',
    correlationId: 'corr-1',
    causationId,
    actor: { id: 'agent-7', role: 'agent' },
    data: { orderId },
  }) as unknown as EventEnvelope;

const publish = (bus: SqliteMessageBus, service: ServiceName, event: EventEnvelope) =>
  bus.publish(topicOf(service), [{ key: 'ord-1', value: JSON.stringify(event), headers: {} }]);

describe('the bus-fed timeline (Kafka mode) as rows', () => {
  let bus: SqliteMessageBus;
  let timeline: BusTimeline;
  const readModels = new InMemoryReadModelStore();

  beforeEach(() => {
    bus = new SqliteMessageBus({ filename: ':memory:', partitions: 1 });
    timeline = new BusTimeline(bus, readModels);
  });

  afterEach(async () => {
    await timeline.stop();
    await bus.close();
  });

  it('given an effect delivered before its cause and a delivery repeated, then the timeline lists each event once, cause first, a page at a time', async () => {
    const placed = envelope('e-placed', 'OrderPlaced', 'order-ord-1', 0, null);
    const dispatched = envelope('e-dispatched', 'ShipmentDispatched', 'shipment-1', 1, 'e-placed');
    const shipped = envelope('e-shipped', 'OrderShipped', 'order-ord-1', 1, 'e-dispatched');
    await publish(bus, 'order', placed);
    await publish(bus, 'order', shipped);
    await publish(bus, 'logistics', dispatched);
    await publish(bus, 'order', shipped);

    await timeline.start();
    await timeline.drain();
    const queries = busTimelineQueries(readModels);
    const first = await queries.page('ord-1', { limit: 2 });
    const second = await queries.page('ord-1', { limit: 2, cursor: first?.nextCursor });

    expect(first?.entries.map((e) => `${e.position}:${e.eventId}`)).toEqual(['1:e-placed', '2:e-dispatched']);
    expect(second).toEqual({ orderId: 'ord-1', revision: 3, entries: [expect.objectContaining({ position: 3, eventId: 'e-shipped' })] });
    expect(await queries.page('ord-2', {})).toBeUndefined();
    await expect(queries.page('ord-1', { cursor: 'bm9wZQ' })).rejects.toMatchObject({ kind: 'invalid' });
  });
});
