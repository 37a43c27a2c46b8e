import type { BusMessage } from '@aftersales/kernel';
import { SqliteMessageBus } from '@aftersales/sqlite';
import { SerialBusConsumer } from './serial-bus-consumer';

const quiet = { warn: () => undefined, error: () => undefined };

/** Records every delivery; counts only values it has not seen before, and never runs two at once. */
class Recorder extends SerialBusConsumer {
  readonly seen: string[] = [];
  running = 0;
  maxRunning = 0;

  constructor(bus: SqliteMessageBus) {
    super(bus, 'recorder', ['t1', 't2']);
  }

  protected async apply(message: BusMessage): Promise<boolean> {
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.running -= 1;
    const fresh = !this.seen.includes(message.value);
    this.seen.push(message.value);
    return fresh;
  }
}

describe('SerialBusConsumer', () => {
  let bus: SqliteMessageBus;
  let consumer: Recorder;

  beforeEach(async () => {
    bus = new SqliteMessageBus({ filename: ':memory:', partitions: 4, logger: quiet });
    consumer = new Recorder(bus);
    await bus.publish('t1', [
      { key: 'a', value: 'a1', headers: {} },
      { key: 'b', value: 'b1', headers: {} },
    ]);
    await bus.publish('t2', [{ key: 'c', value: 'c1', headers: {} }]);
  });

  afterEach(async () => {
    await consumer.stop();
    await bus.close();
  });

  it('given messages on its topics, when started and drained, then each is applied one at a time and counted', async () => {
    await consumer.start();
    await consumer.drain();

    expect([...consumer.seen].sort()).toEqual(['a1', 'b1', 'c1']);
    expect(consumer.maxRunning).toBe(1);
    expect(await consumer.status()).toEqual({ group: 'recorder', topics: ['t1', 't2'], lag: 0, delivered: 3 });
  });

  it('given a consumer that caught up, when its group is replayed, then whileStopped runs first and only deliveries it counts are reported', async () => {
    await consumer.start();
    await consumer.drain();
    const order: string[] = [];

    const replayed = await consumer.replayer.replay('recorder', async () => void order.push(`stopped after ${consumer.seen.length}`));

    expect(order).toEqual(['stopped after 3']);
    expect(consumer.seen).toHaveLength(6);
    expect(replayed).toEqual({ messages: 0 });
    expect(consumer.replayer.consumesGroup('recorder')).toBe(true);
    expect(consumer.replayer.consumesGroup('other')).toBe(false);
  });

  it('given a consumer that was never started, then its status shows no lag and nothing delivered', async () => {
    expect(await consumer.status()).toEqual({ group: 'recorder', topics: ['t1', 't2'], lag: 0, delivered: 0 });
  });
});
