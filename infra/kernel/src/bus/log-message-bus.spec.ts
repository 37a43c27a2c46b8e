import { ManualClock } from '../ports/clock';
import { envelopeOf, type BusMessage, type MessageBus } from '../ports/message-bus';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { contractMessageRouting, publishingToTheLog } from '../testing/log-bus-harness';
import { messageBusContract } from '../testing/message-bus.contract';
import { sampleEvent } from '../testing/sample-events';
import type { StoreHarness } from '../testing/store-harness';
import { InMemoryGroupOffsets } from './group-offsets';
import { LogMessageBus } from './log-message-bus';

const quietLogger = { warn: () => undefined, error: () => undefined };

/** The log bus on an in-memory log and offsets; reopen() keeps both, as a restart keeps the files. */
async function inMemoryLogBus(): Promise<StoreHarness<MessageBus>> {
  const log = new InMemoryEventStore(new ManualClock(new Date('2026-11-02T08:00:00.000Z')));
  const offsets = new InMemoryGroupOffsets();
  const open = (): MessageBus =>
    publishingToTheLog(
      new LogMessageBus({ log, offsets, routing: contractMessageRouting, lanes: 4, retry: { initialDelayMs: 5, maxDelayMs: 40, drainFailsAfterAttempts: 1000 }, logger: quietLogger }),
      log,
    );
  let current = open();
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = open();
      return current;
    },
    dispose: () => current.close(),
  };
}

messageBusContract('LogMessageBus in memory', inMemoryLogBus);

describe('LogMessageBus', () => {
  const topic = 'aftersales.test.events.v1';
  let harness: StoreHarness<MessageBus>;
  beforeEach(async () => {
    harness = await inMemoryLogBus();
  });
  afterEach(() => harness.dispose());

  const message = (key: string, seq: number) => ({ key, value: JSON.stringify({ key, seq }), headers: {} });

  it('given messages under many keys and a slow handler, when a group consumes them, then different keys are handled at the same time and each key in order', async () => {
    const bus = harness.store;
    await bus.publish(topic, Array.from({ length: 40 }, (_, seq) => message(`order-${seq % 10}`, seq)));
    let inFlight = 0;
    let mostInFlight = 0;
    const seen = new Map<string, number[]>();

    const consumer = await bus.subscribe('payouts', [topic], async (m) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      const { key, seq } = JSON.parse(m.value) as { key: string; seq: number };
      seen.set(key, [...(seen.get(key) ?? []), seq]);
      inFlight -= 1;
    });
    await consumer.drain();
    await consumer.stop();

    expect(mostInFlight).toBeGreaterThan(1);
    expect(seen.get('order-3')).toEqual([3, 13, 23, 33]);
    expect([...seen.values()].flat()).toHaveLength(40);
  });

  it('given a group whose consumer stopped, then its lag counts only the events of its topics that came after', async () => {
    const bus = harness.store;
    await bus.publish(topic, [message('order-1', 0)]);
    const consumer = await bus.subscribe('history', [topic], async () => undefined);
    await consumer.drain();
    await consumer.stop();

    await bus.publish('aftersales.other.events.v1', [message('order-1', 1), message('order-2', 0)]);
    await bus.publish(topic, [message('order-1', 2)]);

    expect(await bus.lag('history', [topic])).toBe(1);
  });

  it('given a hook that makes effects durable, when a group commits its position, then the position moves only once the hook has finished', async () => {
    const log = new InMemoryEventStore(new ManualClock(new Date('2026-11-02T08:00:00.000Z')));
    const offsets = new InMemoryGroupOffsets();
    let releaseEffects: () => void = () => undefined;
    const effectsWritten = new Promise<void>((resolve) => (releaseEffects = resolve));
    const bus = publishingToTheLog(
      new LogMessageBus({ log, offsets, routing: contractMessageRouting, lanes: 4, commitDelayMs: 0, logger: quietLogger, beforeCommit: () => effectsWritten }),
      log,
    );
    await bus.publish(topic, [message('order-1', 0), message('order-2', 0)]);
    const consumer = await bus.subscribe('feed', [topic], async () => undefined);

    const draining = consumer.drain();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeEffects = offsets.position('feed', topic);
    releaseEffects();
    await draining;

    expect(beforeEffects).toBeUndefined();
    expect(offsets.position('feed', topic)).toBe(await log.headPosition());
    await bus.close();
  });

  it('given a group that accepts only some event types, when the log holds others on its topic, then it is called for its types only and moves past the rest for good', async () => {
    const log = new InMemoryEventStore(new ManualClock(new Date('2026-11-02T08:00:00.000Z')));
    const offsets = new InMemoryGroupOffsets();
    const logistics = 'aftersales.logistics.events.v1';
    const open = (): LogMessageBus => new LogMessageBus({ log, offsets, lanes: 4, logger: quietLogger });
    await log.append('shipment-s-1', [sampleEvent('ShipmentDispatched', { orderId: 'o-1' }), sampleEvent('ShipmentDelivered', { orderId: 'o-1' })], 'no_stream');
    await log.append('shipment-s-2', [sampleEvent('ShipmentDispatched', { orderId: 'o-2' })], 'no_stream');
    const accepts = (topic: string, type: string): boolean => topic === logistics && type === 'ShipmentDelivered';
    const seen: string[] = [];

    const bus = open();
    const consumer = await bus.subscribe('delivered', [logistics], async (m) => void seen.push(m.headers['event-type']), { accepts });
    await consumer.drain();
    expect(await bus.lag('delivered', [logistics])).toBe(0);
    await bus.close();
    const reopened = open();
    const again = await reopened.subscribe('delivered', [logistics], async (m) => void seen.push(`again ${m.headers['event-type']}`), { accepts });
    await again.drain();
    await reopened.close();

    expect(seen).toEqual(['ShipmentDelivered']);
  });

  it('given two groups on the contract routing, when they consume an event, then both get one decoded envelope, frozen, equal to the text parsed', async () => {
    const log = new InMemoryEventStore(new ManualClock(new Date('2026-11-02T08:00:00.000Z')));
    const bus = new LogMessageBus({ log, offsets: new InMemoryGroupOffsets(), lanes: 4, logger: quietLogger });
    await log.append('order-o-1', [sampleEvent('OrderPlaced', { orderId: 'o-1', items: [{ sku: 'tea' }] })], 'no_stream');
    const received: BusMessage[] = [];

    for (const group of ['review', 'refund']) {
      const consumer = await bus.subscribe(group, ['aftersales.order.events.v1'], async (m) => void received.push(m));
      await consumer.drain();
    }
    await bus.close();

    const [first, second] = received.map((m) => envelopeOf<{ data: { items: unknown[] } }>(m));
    expect(first).toBe(second);
    expect(first).toEqual(JSON.parse(received[0].value));
    expect(Object.isFrozen(first.data.items[0])).toBe(true);
  });
});
