import { randomUUID } from 'node:crypto';
import type { BusMessage, ConsumerHandle } from '@aftersales/kernel';
import { messageBusContract, subscribeWithPoisonMessage, type StoreHarness } from '@aftersales/kernel/testing';
import { partitionForKey } from '@aftersales/sqlite';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { startTestBroker, testBrokerSource, type RunningTestBroker } from './testing';
import { ConsumerStuckError } from '@aftersales/kernel';
import { DeadLetterHeader } from './dead-letter';
import { KafkaMessageBus, type KafkaMessageBusOptions } from './kafka-message-bus';

const source = testBrokerSource();
// stderr, not console: jest does not show the console output of a file whose tests were all skipped
if (source.kind === 'none') process.stderr.write(`Kafka integration tests skipped: ${source.reason}\n`);
const describeWithBroker = source.kind === 'none' ? describe.skip : describe;

/** Collects the bus's log lines; KAFKA_TEST_LOGS=1 prints them as they come. */
const testLogger = () => {
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
    if (process.env.KAFKA_TEST_LOGS) console.log(line);
  };
  return { lines, warn: log, error: log };
};

const unique = (label: string): string => `kafka-spec.${label}.${randomUUID().slice(0, 8)}`;
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await tick(10);
  }
}

describeWithBroker('KafkaMessageBus on a real broker', () => {
  jest.setTimeout(60_000);
  let broker: RunningTestBroker;
  const open = (options: Partial<KafkaMessageBusOptions> = {}): KafkaMessageBus =>
    new KafkaMessageBus({
      brokers: broker.brokers,
      clientId: 'aftersales-tests',
      retry: { initialDelayMs: 5, maxDelayMs: 40, drainFailsAfterAttempts: 1000 },
      consumer: { heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
      logger: testLogger(),
      ...options,
    });

  beforeAll(async () => {
    if (source.kind === 'none') return;
    broker = await startTestBroker(source);
  }, 180_000);
  afterAll(async () => broker?.stop());

  /** The broker keeps topics and committed offsets, so a new bus on it is the same bus after a process restart. */
  messageBusContract('KafkaMessageBus', async (): Promise<StoreHarness<KafkaMessageBus>> => {
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
      async dispose() {
        await current.close();
      },
    };
  });

  describe('KafkaMessageBus', () => {
    const buses: KafkaMessageBus[] = [];
    const bus = (options: Partial<KafkaMessageBusOptions> = {}): KafkaMessageBus => {
      const opened = open(options);
      buses.push(opened);
      return opened;
    };
    afterEach(async () => {
      await Promise.all(buses.splice(0).map((b) => b.close()));
    });

    describe('topics and partitions', () => {
      it('given a new topic, when it is first used, then it has 4 partitions and a key lands where the embedded bus puts it', async () => {
        const kafka = bus();
        const topic = unique('orders');
        const keys = Array.from({ length: 12 }, (_, i) => `order-${i}`);
        await kafka.publish(
          topic,
          keys.map((key) => ({ key, value: key, headers: {} })),
        );
        const seen = new Map<string, number>();

        const consumer = await kafka.subscribe(unique('group'), [topic], async (m) => void seen.set(m.key, m.partition));
        await consumer.drain();

        expect(await kafka.partitionCount(topic)).toBe(4);
        expect(new Map(keys.map((key) => [key, partitionForKey(key, 4)]))).toEqual(seen);
        expect(new Set(seen.values()).size).toBeGreaterThan(1);
      });

      it('given an existing topic, when it is created again with another partition count, then that is refused', async () => {
        const kafka = bus();
        const topic = unique('orders');
        await kafka.createTopic(topic, 2);

        await expect(kafka.createTopic(topic, 4)).rejects.toThrow('already exists with 2 partitions');
        expect(await kafka.partitionCount(topic)).toBe(2);
      });

      it('given a topic config, when the bus creates a topic, then the topic has it (events kept forever)', async () => {
        const kafka = bus({ topicConfig: { 'retention.ms': '-1' } });
        const topic = unique('orders');
        await kafka.publish(topic, [{ key: 'order-1', value: 'v', headers: {} }]);

        const admin = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
        await admin.connect();
        try {
          const described = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }], includeSynonyms: false });
          expect(described.resources[0].configEntries.find((entry) => entry.configName === 'retention.ms')?.configValue).toBe('-1');
        } finally {
          await admin.disconnect();
        }
      });
    });

    describe('consumer groups', () => {
      it('given two members of one group on separate buses, then they share the partitions and each message is handled once', async () => {
        const topic = unique('orders');
        const group = unique('group');
        const first = bus();
        await first.createTopic(topic, 4);
        const handledBy = new Map<string, string[]>();
        const record = (member: string) => async (m: BusMessage) => {
          handledBy.set(m.value, [...(handledBy.get(m.value) ?? []), member]);
        };
        const a = await first.subscribe(group, [topic], record('a'));
        await bus().subscribe(group, [topic], record('b'));

        await first.publish(
          topic,
          Array.from({ length: 40 }, (_, i) => ({ key: `order-${i % 10}`, value: `m-${i}`, headers: {} })),
        );
        await a.drain();

        expect(handledBy.size).toBe(40);
        expect([...handledBy.values()].every((members) => members.length === 1)).toBe(true);
        expect(new Set([...handledBy.values()].flat())).toEqual(new Set(['a', 'b']));
        expect(await a.lag()).toBe(0);
      });

      it('given a group consuming through a bus, when it subscribes again on that bus, then it is refused', async () => {
        const kafka = bus();
        const topic = unique('orders');
        await kafka.subscribe('g-' + topic, [topic], async () => undefined);

        await expect(kafka.subscribe('g-' + topic, [unique('other')], async () => undefined)).rejects.toThrow(
          'already consumes on this bus',
        );
      });
    });

    describe('failures', () => {
      it('given a message that keeps failing, then drain rejects naming it while other partitions go on, and it is retried until it succeeds', async () => {
        const kafka = bus({ retry: { initialDelayMs: 5, maxDelayMs: 20, drainFailsAfterAttempts: 3 } });
        const topic = unique('orders');
        const { consumer, bad, handled, badAttempts, heal } = await subscribeWithPoisonMessage(kafka, unique('group'), topic, (key) =>
          partitionForKey(key, 4),
        );

        const error = await consumer.drain().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ConsumerStuckError);
        expect(error).toMatchObject({ topic, partition: partitionForKey(bad, 4), offset: 0 });
        expect(badAttempts()).toBeGreaterThanOrEqual(3);
        await eventually(() => handled.includes('good'), 'the other partition went on');

        heal();
        await consumer.drain();
        expect(handled).toEqual(['good', 'bad']);
        expect(await consumer.lag()).toBe(0);
      });

      it('given a dead-letter policy, when a message keeps failing, then it goes to <topic>.dlq with the error and its partition moves on', async () => {
        const kafka = bus({ deadLetter: { afterAttempts: 3 }, now: () => Date.parse('2025-03-01T10:00:00.000Z') });
        const topic = unique('orders');
        const group = unique('group');
        await kafka.publish(topic, [
          { key: 'order-1', value: 'poison', headers: { 'event-id': 'e-1' } },
          { key: 'order-1', value: 'fine', headers: { 'event-id': 'e-2' } },
        ]);
        const attempts: string[] = [];
        const consumer = await kafka.subscribe(group, [topic], async (m) => {
          attempts.push(m.value);
          if (m.value === 'poison') throw new Error('cannot parse the envelope');
        });
        await consumer.drain();
        const dead: BusMessage[] = [];
        const dlqConsumer = await kafka.subscribe(unique('dlq-reader'), [`${topic}.dlq`], async (m) => void dead.push(m));
        await dlqConsumer.drain();

        expect(attempts).toEqual(['poison', 'poison', 'poison', 'fine']);
        expect(await consumer.lag()).toBe(0);
        expect(dead).toHaveLength(1);
        expect(dead[0]).toMatchObject({ key: 'order-1', value: 'poison' });
        expect(dead[0].headers).toEqual({
          'event-id': 'e-1',
          [DeadLetterHeader.group]: group,
          [DeadLetterHeader.topic]: topic,
          [DeadLetterHeader.partition]: String(partitionForKey('order-1', 4)),
          [DeadLetterHeader.offset]: '0',
          [DeadLetterHeader.attempts]: '3',
          [DeadLetterHeader.error]: 'Error: cannot parse the envelope',
          [DeadLetterHeader.failedAt]: '2025-03-01T10:00:00.000Z',
        });
      });

      it('given a handler still running when the bus closes, then close waits for it and its offset is committed', async () => {
        const topic = unique('orders');
        const group = unique('group');
        const first = open();
        await first.publish(topic, [{ key: 'order-1', value: 'slow', headers: {} }]);
        let finished = false;
        let started!: () => void;
        const running = new Promise<void>((resolve) => (started = resolve));
        await first.subscribe(group, [topic], async () => {
          started();
          await tick(300);
          finished = true;
        });
        await running;

        await first.close();
        expect(finished).toBe(true);
        const again: string[] = [];
        const consumer: ConsumerHandle = await bus().subscribe(group, [topic], async (m) => void again.push(m.value));
        await consumer.drain();
        expect(again).toEqual([]);
        expect(await consumer.lag()).toBe(0);
      });
    });

    describe('producer', () => {
      it('given messages with headers, when published, then an outside kafkajs consumer reads them keyed, in order, with every header', async () => {
        const kafka = bus();
        const topic = unique('orders');
        await kafka.publish(topic, [
          { key: 'order-7', value: '{"n":1}', headers: { 'event-id': 'e-1', 'event-type': 'OrderPlaced' } },
          { key: 'order-7', value: '{"n":2}', headers: { 'event-id': 'e-2', 'event-type': 'OrderPaid' } },
        ]);
        const outside = new Kafka({ clientId: 'outside', brokers: broker.brokers, logLevel: logLevel.NOTHING }).consumer({
          groupId: unique('outside'),
          maxWaitTimeInMs: 100,
        });
        const read: Array<{ key: string; value: string; headers: Record<string, string> }> = [];
        await outside.connect();
        try {
          await outside.subscribe({ topic, fromBeginning: true });
          await outside.run({
            eachMessage: async ({ message }) => {
              const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
              read.push({ key: String(message.key), value: String(message.value), headers });
            },
          });
          await eventually(() => read.length === 2, 'the outside consumer read both messages');
        } finally {
          await outside.disconnect();
        }

        expect(read).toEqual([
          { key: 'order-7', value: '{"n":1}', headers: { 'event-id': 'e-1', 'event-type': 'OrderPlaced' } },
          { key: 'order-7', value: '{"n":2}', headers: { 'event-id': 'e-2', 'event-type': 'OrderPaid' } },
        ]);
      });

      it('given a closed bus, then publishing is refused', async () => {
        const kafka = bus();
        await kafka.close();

        await expect(kafka.publish(unique('orders'), [{ key: 'k', value: 'v', headers: {} }])).rejects.toThrow('closed');
      });
    });
  });
});
