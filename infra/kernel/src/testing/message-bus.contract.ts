import { randomUUID } from 'node:crypto';
import type { BusMessage, ConsumerHandle, MessageBus, MessageHandler, OutgoingMessage } from '../ports/message-bus';
import { settlementWithin, type StoreHarness } from './store-harness';

/** Opens a bus on fresh storage; `reopen()` must reach the same topics, messages and committed offsets. */
export type MessageBusFactory = () => Promise<StoreHarness<MessageBus>>;

interface Delivered {
  key: string;
  seq: number;
  partition: number;
  offset: number;
  headers: Record<string, string>;
}

const message = (key: string, seq: number): OutgoingMessage => ({
  key,
  value: JSON.stringify({ key, seq }),
  headers: { 'event-id': `${key}-${seq}`, 'content-type': 'application/json' },
});

const delivered = (m: BusMessage): Delivered => {
  const { key, seq } = JSON.parse(m.value) as { key: string; seq: number };
  return { key, seq, partition: m.partition, offset: m.offset, headers: m.headers };
};

/** A handler that records what it got, in order. */
const recorder = (): { handler: MessageHandler; got: Delivered[] } => {
  const got: Delivered[] = [];
  return { got, handler: async (m) => void got.push(delivered(m)) };
};

/** Holds every handler call until released. */
const gate = (): { wait: Promise<void>; release: () => void } => {
  let release!: () => void;
  const wait = new Promise<void>((resolve) => (release = resolve));
  return { wait, release };
};

const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await tick(5);
  }
}

/** A consumer that keeps failing on one message (see subscribeWithPoisonMessage). */
export interface PoisonedConsumer {
  consumer: ConsumerHandle;
  /** The key of the failing message (value `bad`); the other one's value is `good`. */
  bad: string;
  /** Values handled, in order. */
  handled: string[];
  /** How often the handler failed on `bad`. */
  badAttempts(): number;
  /** From now on `bad` is handled too. */
  heal(): void;
}

/**
 * Publishes `bad` and `good` under keys on different partitions (`partitionOf` is the adapter's choice of partition)
 * and subscribes `group` with a handler that fails on `bad` until healed: for an adapter's own retry and drain specs,
 * which set their own retry policy.
 */
export async function subscribeWithPoisonMessage(
  bus: MessageBus,
  group: string,
  topic: string,
  partitionOf: (key: string) => number,
): Promise<PoisonedConsumer> {
  const bad = 'order-bad';
  const good = Array.from({ length: 20 }, (_, i) => `order-${i}`).find((key) => partitionOf(key) !== partitionOf(bad))!;
  await bus.publish(topic, [
    { key: bad, value: 'bad', headers: {} },
    { key: good, value: 'good', headers: {} },
  ]);
  let healed = false;
  let badAttempts = 0;
  const handled: string[] = [];
  const consumer = await bus.subscribe(group, [topic], async (m) => {
    if (m.value === 'bad' && !healed) {
      badAttempts += 1;
      throw new Error('poison');
    }
    handled.push(m.value);
  });
  return { consumer, bad, handled, badAttempts: () => badAttempts, heal: () => (healed = true) };
}

/**
 * What every MessageBus adapter must do (Kafka's semantics). Run it from the adapter's spec:
 * `messageBusContract('SqliteMessageBus', async () => harness)`. Topic and group names are unique per test,
 * so a shared broker can be used.
 */
export function messageBusContract(name: string, makeBus: MessageBusFactory): void {
  describe(`MessageBus contract: ${name}`, () => {
    let harness: StoreHarness<MessageBus>;
    let bus: MessageBus;
    let consumers: ConsumerHandle[];
    let topic: string;

    const unique = (label: string): string => `contract.${label}.${randomUUID().slice(0, 8)}`;
    const subscribe = async (group: string, handler: MessageHandler, topics = [topic]): Promise<ConsumerHandle> => {
      const consumer = await bus.subscribe(group, topics, handler);
      consumers.push(consumer);
      return consumer;
    };

    beforeEach(async () => {
      harness = await makeBus();
      bus = harness.store;
      consumers = [];
      topic = unique('orders');
    });

    afterEach(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      await harness.dispose();
    });

    describe('ordering', () => {
      it('given messages under several keys, when a group consumes them, then each key arrives in publish order from one partition', async () => {
        const keys = ['order-a', 'order-b', 'order-c', 'order-d', 'order-e', 'order-f'];
        for (let seq = 0; seq < 8; seq++)
          await bus.publish(
            topic,
            keys.map((key) => message(key, seq)),
          );
        const { handler, got } = recorder();

        const consumer = await subscribe(unique('group'), handler);
        await consumer.drain();

        expect(got).toHaveLength(keys.length * 8);
        for (const key of keys) {
          const ofKey = got.filter((d) => d.key === key);
          expect(ofKey.map((d) => d.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
          expect(new Set(ofKey.map((d) => d.partition)).size).toBe(1);
        }
        for (const partition of new Set(got.map((d) => d.partition))) {
          const offsets = got.filter((d) => d.partition === partition).map((d) => d.offset);
          expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
          expect(new Set(offsets).size).toBe(offsets.length);
        }
        expect(got.find((d) => d.key === 'order-c' && d.seq === 3)?.headers).toEqual({
          'event-id': 'order-c-3',
          'content-type': 'application/json',
        });
      });

      it('given a slow handler, when a partition has several messages, then they are handled one at a time', async () => {
        await bus.publish(
          topic,
          Array.from({ length: 12 }, (_, seq) => message(`order-${seq % 3}`, seq)),
        );
        const inFlight = new Map<number, number>();
        let maxInFlightPerPartition = 0;

        const consumer = await subscribe(unique('group'), async (m) => {
          const now = (inFlight.get(m.partition) ?? 0) + 1;
          inFlight.set(m.partition, now);
          maxInFlightPerPartition = Math.max(maxInFlightPerPartition, now);
          await tick(3);
          inFlight.set(m.partition, now - 1);
        });
        await consumer.drain();

        expect(maxInFlightPerPartition).toBe(1);
      });
    });

    describe('consumer groups', () => {
      it('given two groups on one topic, then each gets every message and one group’s progress does not move the other', async () => {
        await bus.publish(topic, [message('order-1', 0), message('order-2', 0), message('order-1', 1)]);
        const fast = recorder();
        const held = gate();
        const slowGot: Delivered[] = [];

        const fastConsumer = await subscribe(unique('fast'), fast.handler);
        const slowConsumer = await subscribe(unique('slow'), async (m) => {
          await held.wait;
          slowGot.push(delivered(m));
        });
        await fastConsumer.drain();

        expect(fast.got).toHaveLength(3);
        expect(await fastConsumer.lag()).toBe(0);
        expect(await slowConsumer.lag()).toBe(3);
        expect(slowGot).toEqual([]);

        held.release();
        await slowConsumer.drain();
        expect(slowGot.map((d) => `${d.key}/${d.seq}`).sort()).toEqual(['order-1/0', 'order-1/1', 'order-2/0']);
        expect(await slowConsumer.lag()).toBe(0);
      });
    });

    describe('committed offsets', () => {
      it('given a group that committed everything, when the bus restarts, then it resumes after its committed offsets', async () => {
        const group = unique('group');
        await bus.publish(topic, [message('order-1', 0), message('order-2', 0), message('order-1', 1)]);
        const before = recorder();
        await (await subscribe(group, before.handler)).drain();
        expect(before.got).toHaveLength(3);

        bus = await harness.reopen();
        consumers = [];
        await bus.publish(topic, [message('order-1', 2), message('order-3', 0)]);
        const after = recorder();
        const consumer = await subscribe(group, after.handler);
        await consumer.drain();

        expect(after.got.map((d) => `${d.key}/${d.seq}`).sort()).toEqual(['order-1/2', 'order-3/0']);
        expect(await consumer.lag()).toBe(0);
      });

      it('given a stopped consumer, when more messages are published, then it gets none of them', async () => {
        const { handler, got } = recorder();
        const consumer = await subscribe(unique('group'), handler);
        await bus.publish(topic, [message('order-1', 0)]);
        await consumer.drain();

        await consumer.stop();
        await bus.publish(topic, [message('order-1', 1)]);
        await tick(100);

        expect(got.map((d) => d.seq)).toEqual([0]);
      });
    });

    describe('rewind', () => {
      it('given a group that handled every message and stopped, when rewound and subscribed again, then it gets them all again', async () => {
        const group = unique('group');
        const other = unique('other');
        await bus.publish(topic, [message('order-1', 0), message('order-2', 0), message('order-1', 1)]);
        await bus.publish(other, [message('order-3', 0)]);
        const first = recorder();
        const consumer = await subscribe(group, first.handler, [topic, other]);
        await consumer.drain();
        await consumer.stop();

        await bus.rewind(group, [topic, other]);
        const again = recorder();
        const replaying = await subscribe(group, again.handler, [topic, other]);
        await replaying.drain();

        const seen = (got: Delivered[]) => got.map((d) => `${d.key}/${d.seq}`).sort();
        expect(seen(first.got)).toEqual(['order-1/0', 'order-1/1', 'order-2/0', 'order-3/0']);
        expect(seen(again.got)).toEqual(seen(first.got));
        expect(await replaying.lag()).toBe(0);
      });

      it('given a group on two topics, when only one topic is rewound, then only that topic is read again', async () => {
        const group = unique('group');
        const other = unique('other');
        await bus.publish(topic, [message('order-1', 0), message('order-2', 0)]);
        await bus.publish(other, [message('order-3', 0)]);
        const consumer = await subscribe(group, recorder().handler, [topic, other]);
        await consumer.drain();
        await consumer.stop();

        await bus.rewind(group, [other]);
        const again = recorder();
        await (await subscribe(group, again.handler, [topic, other])).drain();

        expect(again.got.map((d) => `${d.key}/${d.seq}`)).toEqual(['order-3/0']);
      });

      it('given a group consuming on this bus, when it is rewound, then the rewind is refused and its offsets stay', async () => {
        const group = unique('group');
        await bus.publish(topic, [message('order-1', 0)]);
        const { handler, got } = recorder();
        const consumer = await subscribe(group, handler);
        await consumer.drain();

        await expect(bus.rewind(group, [topic])).rejects.toThrow(group);

        expect(await consumer.lag()).toBe(0);
        expect(got).toHaveLength(1);
      });
    });

    describe('redelivery', () => {
      it('given a handler that throws once, then the same message is delivered again before the next one of its key', async () => {
        await bus.publish(topic, [message('order-1', 0), message('order-1', 1), message('order-1', 2)]);
        const attempts: number[] = [];
        let failed = false;

        const consumer = await subscribe(unique('group'), async (m) => {
          const { seq } = delivered(m);
          attempts.push(seq);
          if (seq === 1 && !failed) {
            failed = true;
            throw new Error('downstream unavailable');
          }
        });
        await consumer.drain();

        expect(attempts).toEqual([0, 1, 1, 2]);
        expect(await consumer.lag()).toBe(0);
      });

      it('given a message whose handler kept failing, when the bus restarts, then it is delivered again (it was never committed)', async () => {
        const group = unique('group');
        await bus.publish(topic, [message('order-1', 0), message('order-1', 1), message('order-1', 2)]);
        const attempted: number[] = [];
        await subscribe(group, async (m) => {
          const { seq } = delivered(m);
          attempted.push(seq);
          if (seq === 1) throw new Error('still failing');
        });
        await eventually(() => attempted.includes(1), 'message 1 was attempted');

        bus = await harness.reopen();
        consumers = [];
        const { handler, got } = recorder();
        const consumer = await subscribe(group, handler);
        await consumer.drain();

        expect(attempted).not.toContain(2);
        expect(got.map((d) => d.seq)).toEqual([1, 2]);
      });
    });

    describe('drain and lag', () => {
      it('given unhandled messages, then lag counts them and drain waits until every one is handled and committed', async () => {
        await bus.publish(
          topic,
          Array.from({ length: 5 }, (_, seq) => message(`order-${seq}`, seq)),
        );
        const held = gate();
        let handled = 0;

        const consumer = await subscribe(unique('group'), async () => {
          await held.wait;
          handled += 1;
        });
        expect(await consumer.lag()).toBe(5);
        const drained = consumer.drain();
        expect(await settlementWithin(drained, 100)).toBe('pending');

        held.release();
        await drained;
        expect(handled).toBe(5);
        expect(await consumer.lag()).toBe(0);
      });

      it('given nothing published, then drain resolves at once and lag is 0', async () => {
        const { handler } = recorder();
        const consumer = await subscribe(unique('group'), handler, [topic, unique('other')]);

        expect(await settlementWithin(consumer.drain(), 1000)).toBe('resolved');
        expect(await consumer.lag()).toBe(0);
      });

      it('given a group that never subscribed, then the bus tells its lag on the topics: everything published, a missing topic 0', async () => {
        await bus.publish(topic, [message('order-1', 0), message('order-2', 0), message('order-1', 1)]);

        expect(await bus.lag(unique('group'), [topic])).toBe(3);
        expect(await bus.lag(unique('group'), [topic, unique('never-published')])).toBe(3);
        expect(await bus.lag(unique('group'), [unique('never-published')])).toBe(0);
      });

      it('given a group working through its topics, then the bus tells its lag as the consumer does, down to 0 once committed', async () => {
        const group = unique('group');
        const other = unique('other');
        await bus.publish(topic, [message('order-1', 0), message('order-2', 0)]);
        await bus.publish(other, [message('order-3', 0)]);
        const held = gate();
        const consumer = await subscribe(group, async () => held.wait, [topic, other]);

        expect(await bus.lag(group, [topic, other])).toBe(3);
        expect(await bus.lag(group, [other])).toBe(1);
        held.release();
        await consumer.drain();

        expect(await bus.lag(group, [topic, other])).toBe(0);
        await consumer.stop(); // a live consumer could take the next message before the lag is read
        await bus.publish(other, [message('order-3', 1)]);
        expect(await bus.lag(group, [topic])).toBe(0);
        expect(await bus.lag(group, [topic, other])).toBe(1);
      });

      it('given a group that committed everything and stopped, when more is published, then its lag counts the new messages', async () => {
        const group = unique('group');
        await bus.publish(topic, [message('order-1', 0)]);
        const consumer = await subscribe(group, recorder().handler);
        await consumer.drain();
        await consumer.stop();

        await bus.publish(topic, [message('order-1', 1), message('order-2', 0)]);

        expect(await bus.lag(group, [topic])).toBe(2);
      });

      it('given a live consumer, when messages are published later, then they are delivered without asking', async () => {
        const { handler, got } = recorder();
        await subscribe(unique('group'), handler);

        await bus.publish(topic, [message('order-9', 0)]);

        await eventually(() => got.length === 1, 'the message was delivered');
        expect(got[0]).toMatchObject({ key: 'order-9', seq: 0 });
      });
    });
  });
}
