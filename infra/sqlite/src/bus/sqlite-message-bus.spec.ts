import { join } from 'node:path';
import { messageBusContract, subscribeWithPoisonMessage } from '@aftersales/kernel/testing';
import { inTempFolder } from '../__tests__/temp-store';
import { murmur2, partitionForKey } from './murmur2';
import { ConsumerStuckError } from '@aftersales/kernel';
import { SqliteMessageBus, type SqliteMessageBusOptions } from './sqlite-message-bus';

const quietLogger = { warn: () => undefined, error: () => undefined };

/** A bus on a file in a fresh temporary folder; reopen() is a process restart. */
const busHarness = (options: Partial<SqliteMessageBusOptions> = {}) =>
  inTempFolder(
    (folder) =>
      new SqliteMessageBus({
        filename: join(folder, 'bus.db'),
        retry: { initialDelayMs: 5, maxDelayMs: 40, drainFailsAfterAttempts: 1000 },
        logger: quietLogger,
        ...options,
      }),
  );

messageBusContract('SqliteMessageBus', busHarness);

describe('SqliteMessageBus', () => {
  let harness: Awaited<ReturnType<typeof busHarness>> | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  describe('partitioning', () => {
    it("given Kafka's murmur2 reference keys, then the hash is Kafka's", () => {
      expect(murmur2(Buffer.from('21'))).toBe(-973932308);
      expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
      expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
      expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
      expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
      expect(murmur2(Buffer.from('abc'))).toBe(479470107);
    });

    it('given many order ids, then they spread over every partition', () => {
      const used = new Set(Array.from({ length: 200 }, (_, i) => partitionForKey(`order-${i}`, 4)));
      expect([...used].sort()).toEqual([0, 1, 2, 3]);
    });

    it('given a topic created with 4 partitions, when the bus reopens with another default, then the topic keeps 4', async () => {
      harness = await busHarness({ partitions: 4 });
      await harness.store.publish('t', [{ key: 'order-1', value: '{}', headers: {} }]);
      await harness.store.close();
      const reopened = new SqliteMessageBus({ filename: join(harness.folder, 'bus.db'), partitions: 8, logger: quietLogger });

      expect(await reopened.partitionCount('t')).toBe(4);
      expect(await reopened.partitionCount('new-topic')).toBe(8);
      await expect(reopened.createTopic('t', 2)).rejects.toThrow('already exists with 4 partitions');
      await reopened.close();
    });

    it('given a key, then its messages get the partition Kafka would choose and consecutive offsets', async () => {
      harness = await busHarness({ partitions: 6 });
      const seen: Array<[number, number]> = [];
      await harness.store.publish('t', [
        { key: 'order-42', value: '1', headers: {} },
        { key: 'order-42', value: '2', headers: {} },
      ]);
      const consumer = await harness.store.subscribe('g', ['t'], async (m) => void seen.push([m.partition, m.offset]));
      await consumer.drain();

      const partition = partitionForKey('order-42', 6);
      expect(seen).toEqual([
        [partition, 0],
        [partition, 1],
      ]);
    });
  });

  describe('delivery', () => {
    it('given an idle consumer and a slow fallback poll, when a message is published, then it arrives promptly', async () => {
      harness = await busHarness({ idlePollMs: 60_000 });
      const arrived: number[] = [];
      await harness.store.subscribe('g', ['t'], async () => void arrived.push(Date.now()));
      await new Promise((resolve) => setTimeout(resolve, 20));

      const publishedAt = Date.now();
      await harness.store.publish('t', [{ key: 'order-1', value: '{}', headers: {} }]);
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(arrived).toHaveLength(1);
      expect(arrived[0] - publishedAt).toBeLessThan(200);
    });

    it('given a message that keeps failing, then drain rejects naming it while other partitions go on and the message is retried until it succeeds', async () => {
      harness = await busHarness({ partitions: 4, retry: { initialDelayMs: 2, maxDelayMs: 10, drainFailsAfterAttempts: 3 } });
      const { consumer, bad, handled, badAttempts, heal } = await subscribeWithPoisonMessage(harness.store, 'g', 't', (key) =>
        partitionForKey(key, 4),
      );

      const error = await consumer.drain().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConsumerStuckError);
      expect(error).toMatchObject({ groupId: 'g', topic: 't', partition: partitionForKey(bad, 4), offset: 0 });
      expect(badAttempts()).toBeGreaterThanOrEqual(3);
      expect(handled).toEqual(['good']);

      heal();
      await consumer.drain();
      expect(handled).toEqual(['good', 'bad']);
    });

    it('given a group consuming a topic, when it subscribes to that topic again on the same bus, then it is refused', async () => {
      harness = await busHarness();
      await harness.store.subscribe('g', ['t'], async () => undefined);

      await expect(harness.store.subscribe('g', ['t', 'u'], async () => undefined)).rejects.toThrow("group 'g' already consumes t");
      await expect(harness.store.subscribe('other', ['t'], async () => undefined)).resolves.toBeDefined();
    });

    it('given a closed bus, then publishing is refused', async () => {
      harness = await busHarness();
      await harness.store.close();

      await expect(harness.store.publish('t', [{ key: 'k', value: 'v', headers: {} }])).rejects.toThrow('closed');
    });

    it('given a handler still running when the bus closes, then close waits for it and its offset is committed', async () => {
      harness = await busHarness();
      await harness.store.publish('t', [{ key: 'order-1', value: 'slow', headers: {} }]);
      let finished = false;
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      await harness.store.subscribe('g', ['t'], async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
      });
      await running;

      const bus = await harness.reopen();
      expect(finished).toBe(true);
      const again: string[] = [];
      const consumer = await bus.subscribe('g', ['t'], async (m) => void again.push(m.value));
      await consumer.drain();
      expect(again).toEqual([]);
      expect(await consumer.lag()).toBe(0);
    });
  });

  describe('checkpoints', () => {
    it('given a saved checkpoint, when the bus restarts, then it reads the same position; unknown names are undefined', async () => {
      harness = await busHarness();
      await harness.store.checkpoints.set('event-publisher', 41);
      await harness.store.checkpoints.set('event-publisher', 42);

      const bus = await harness.reopen();

      expect(await bus.checkpoints.get('event-publisher')).toBe(42);
      expect(await bus.checkpoints.get('other')).toBeUndefined();
      await expect(bus.checkpoints.set('x', -1)).rejects.toThrow(RangeError);
    });
  });
});
