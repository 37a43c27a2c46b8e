import { ManualClock } from '../ports/clock';
import type { NewEvent } from '../ports/event-store';
import type { ConsumerHandle, MessageBus, OutgoingMessage } from '../ports/message-bus';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { sampleEvent } from '../testing/sample-events';
import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';
import { EventPublisher, withPublisherBacklog, type EventPublisherOptions } from './event-publisher';

/** Records what is published; can be told to fail the next publish. */
class RecordingBus implements MessageBus {
  readonly published: Array<{ topic: string; message: OutgoingMessage }> = [];
  readonly publishCalls: Array<{ topic: string; count: number }> = [];
  failNext: Error | undefined;

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    this.publishCalls.push({ topic, count: messages.length });
    for (const message of messages) this.published.push({ topic, message });
  }

  subscribe(): Promise<ConsumerHandle> {
    throw new Error('not used by the publisher');
  }

  /** What the bus itself reports as a group's lag (the publisher never asks). */
  busLag = 0;
  async lag(): Promise<number> {
    return this.busLag;
  }

  rewind(): Promise<void> {
    throw new Error('not used by the publisher');
  }

  async close(): Promise<void> {}

  eventIds(): string[] {
    return this.published.map((p) => p.message.headers['event-id']);
  }
}

const topics: Record<string, string> = {
  OrderPlaced: 'aftersales.order.events.v1',
  OrderPaid: 'aftersales.order.events.v1',
  ShipmentDispatched: 'aftersales.logistics.events.v1',
};
const topicFor = (type: string): string => {
  const topic = topics[type];
  if (!topic) throw new Error(`no topic for event type ${type}`);
  return topic;
};

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventPublisher', () => {
  let store: InMemoryEventStore;
  let bus: RecordingBus;
  let checkpoints: InMemoryCheckpointStore;
  let publisher: EventPublisher;

  const make = (options: Partial<EventPublisherOptions> = {}): EventPublisher =>
    new EventPublisher({ eventStore: store, bus, checkpoints, topicFor, onError: () => undefined, ...options });
  const append = async (streamId: string, ...events: NewEvent[]): Promise<void> => {
    await store.append(streamId, events, 'any');
  };

  beforeEach(() => {
    store = new InMemoryEventStore(new ManualClock(new Date('2025-03-01T10:00:00.000Z')));
    bus = new RecordingBus();
    checkpoints = new InMemoryCheckpointStore();
    publisher = make();
  });

  afterEach(() => publisher.stop());

  it('given events of two services, when it catches up, then each event goes once to its topic, keyed by order id, as the envelope with its metadata in headers', async () => {
    const placed = sampleEvent(
      'OrderPlaced',
      { orderId: 'o-1' },
      {
        metadata: {
          occurredAt: '2025-03-01T09:59:00.000Z',
          correlationId: 'corr-9',
          causationId: 'cmd-3',
          actor: { id: 'buyer-7', role: 'buyer' },
          trace: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
        },
      },
    );
    const dispatched = sampleEvent('ShipmentDispatched', { orderId: 'o-2', shipmentId: 's-1' });
    await append('order-o-1', placed);
    await append('shipment-s-1', dispatched);

    await publisher.catchUp();

    expect(bus.published.map((p) => [p.topic, p.message.key])).toEqual([
      ['aftersales.order.events.v1', 'o-1'],
      ['aftersales.logistics.events.v1', 'o-2'],
    ]);
    const [recorded] = await store.readStream('order-o-1');
    expect(JSON.parse(bus.published[0].message.value)).toEqual(recorded);
    expect(bus.published[0].message.headers).toEqual({
      'event-id': placed.eventId,
      'event-type': 'OrderPlaced',
      'schema-version': '1',
      'correlation-id': 'corr-9',
      'causation-id': 'cmd-3',
      'actor-id': 'buyer-7',
      'actor-role': 'buyer',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      'stream-id': 'order-o-1',
      position: '1',
      'content-type': 'application/json',
    });
    expect(bus.published[1].message.headers).not.toHaveProperty('causation-id');
    expect(bus.published[1].message.headers).not.toHaveProperty('traceparent');
    expect(await publisher.position()).toBe(2);
    expect(await checkpoints.get('event-publisher')).toBe(2);
  });

  it('given a saved checkpoint, when a new publisher catches up, then it publishes only what came after it', async () => {
    await append('order-o-1', sampleEvent('OrderPlaced'), sampleEvent('OrderPaid'));
    await publisher.catchUp();
    await append('order-o-1', sampleEvent('OrderPaid', { note: 'again' }));

    const restarted = make();
    await restarted.catchUp();

    expect(bus.published.map((p) => p.message.headers.position)).toEqual(['1', '2', '3']);
    expect(await checkpoints.get('event-publisher')).toBe(3);
  });

  it('given events committed but not yet published, then its backlog counts those of the asked topics, and none once published', async () => {
    await append('order-o-1', sampleEvent('OrderPlaced'), sampleEvent('OrderPaid'));
    await append('shipment-s-1', sampleEvent('ShipmentDispatched'));

    expect(await publisher.backlog(['aftersales.order.events.v1'])).toBe(2);
    expect(await publisher.backlog(['aftersales.logistics.events.v1', 'aftersales.order.events.v1'])).toBe(3);
    await publisher.catchUp();
    expect(await publisher.backlog(['aftersales.order.events.v1'])).toBe(0);
  });

  it('given a bus seen through withPublisherBacklog, then a group\'s lag is what the bus reports plus what the log has not published on those topics', async () => {
    const seen = withPublisherBacklog(bus, publisher);
    bus.busLag = 4;
    await append('order-o-1', sampleEvent('OrderPlaced'));

    expect(await seen.lag('logistics', ['aftersales.order.events.v1'])).toBe(5);
    await publisher.catchUp();
    bus.busLag = 0;
    expect(await seen.lag('logistics', ['aftersales.order.events.v1'])).toBe(0);
  });

  it('given a small batch size, when it catches up, then it publishes batch by batch in log order and checkpoints after each', async () => {
    publisher = make({ batchSize: 2 });
    for (let i = 0; i < 5; i++) await append(`order-o-${i}`, sampleEvent('OrderPlaced', { orderId: `o-${i}` }));
    const saved: number[] = [];
    const set = checkpoints.set.bind(checkpoints);
    checkpoints.set = async (name, position) => {
      saved.push(position);
      await set(name, position);
    };

    await publisher.catchUp();

    expect(bus.publishCalls.map((c) => c.count)).toEqual([2, 2, 1]);
    expect(saved).toEqual([2, 4, 5]);
    expect(bus.published.map((p) => p.message.key)).toEqual(['o-0', 'o-1', 'o-2', 'o-3', 'o-4']);
  });

  it('given the bus fails, when it catches up, then it rejects without moving the checkpoint and the next attempt publishes the events', async () => {
    await append('order-o-1', sampleEvent('OrderPlaced'));
    bus.failNext = new Error('bus down');

    await expect(publisher.catchUp()).rejects.toThrow('bus down');
    expect(await checkpoints.get('event-publisher')).toBeUndefined();

    await publisher.catchUp();
    expect(bus.published).toHaveLength(1);
    expect(await publisher.position()).toBe(1);
  });

  it('given an event type without a topic, then it stops there loudly: nothing of the batch is published and the checkpoint stays', async () => {
    await append('order-o-1', sampleEvent('OrderPlaced'), sampleEvent('SomethingUnknown'));

    await expect(publisher.catchUp()).rejects.toThrow('no topic for event type SomethingUnknown');

    expect(bus.published).toEqual([]);
    expect(await publisher.position()).toBe(0);
  });

  it('given a started publisher, when events are appended later, then they are published without being asked', async () => {
    publisher.start();
    await append('order-o-1', sampleEvent('OrderPlaced'));

    for (let i = 0; i < 200 && bus.published.length === 0; i++) await tick();

    expect(bus.published).toHaveLength(1);
    expect(await publisher.position()).toBe(1);
  });

  it('given a running publisher, when catchUp is called while events keep arriving, then every event is published exactly once', async () => {
    publisher = make({ batchSize: 3 });
    publisher.start();
    const appended: string[] = [];
    for (let i = 0; i < 30; i++) {
      const event = sampleEvent('OrderPaid', { orderId: `o-${i % 4}` });
      appended.push(event.eventId);
      await append(`order-o-${i % 4}`, event);
      if (i % 7 === 0) void publisher.catchUp();
    }

    await publisher.catchUp();

    expect(bus.eventIds()).toEqual(appended);
  });
});
