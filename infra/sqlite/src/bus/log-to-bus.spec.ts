import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EventPublisher, ManualClock, type BusMessage, type RecordedEvent } from '@aftersales/kernel';
import { sampleEvent } from '@aftersales/kernel/testing';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { SqliteMessageBus } from './sqlite-message-bus';

const TOPIC = 'aftersales.order.events.v1';
const quiet = { warn: () => undefined, error: () => undefined };

/** The embedded pipeline on real files: event log → publisher → bus → a consumer group. */
class Pipeline {
  readonly store: SqliteEventStore;
  readonly bus: SqliteMessageBus;
  readonly publisher: EventPublisher;
  readonly received: RecordedEvent[] = [];

  constructor(folder: string) {
    this.store = new SqliteEventStore({ path: join(folder, 'events.db'), clock: new ManualClock(new Date('2025-03-01T10:00:00.000Z')) });
    this.bus = new SqliteMessageBus({ filename: join(folder, 'bus.db'), logger: quiet });
    this.publisher = new EventPublisher({
      eventStore: this.store,
      bus: this.bus,
      checkpoints: this.bus.checkpoints,
      topicFor: () => TOPIC,
    });
  }

  async consume(): Promise<{ drain(): Promise<void> }> {
    return this.bus.subscribe('order-history', [TOPIC], async (message: BusMessage) => {
      this.received.push(JSON.parse(message.value) as RecordedEvent);
    });
  }

  /** Every message ever put on the topic, counted as the lag of a group that never consumed. */
  async messagesOnTopic(): Promise<number> {
    const consumer = await this.bus.subscribe('probe', [TOPIC], async () => undefined);
    const lag = await consumer.lag();
    await consumer.stop();
    return lag;
  }

  async close(): Promise<void> {
    await this.publisher.stop();
    await this.bus.close();
    await this.store.close();
  }
}

describe('event log to bus, on SQLite files', () => {
  let folder: string;
  let pipeline: Pipeline;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'log-to-bus-'));
    pipeline = new Pipeline(folder);
  });

  afterEach(async () => {
    await pipeline.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('given orders written to the log, when the publisher runs, then a consumer gets every recorded event, each order in revision order', async () => {
    pipeline.publisher.start();
    const consumer = await pipeline.consume();
    for (let round = 0; round < 3; round++) {
      for (const orderId of ['o-1', 'o-2', 'o-3']) {
        await pipeline.store.append(`order-${orderId}`, [sampleEvent('OrderNoted', { orderId, round })], 'any');
      }
    }

    await pipeline.publisher.catchUp();
    await consumer.drain();

    expect(pipeline.received).toHaveLength(9);
    expect(pipeline.received.sort((a, b) => a.position - b.position)).toEqual(await pipeline.store.readAll(0, 100));
    for (const orderId of ['o-1', 'o-2', 'o-3']) {
      const revisions = pipeline.received.filter((e) => e.streamId === `order-${orderId}`).map((e) => e.revision);
      expect(revisions).toEqual([0, 1, 2]);
    }
  });

  it('given a pipeline that published and consumed, when everything restarts, then nothing is published twice and only new events are consumed', async () => {
    await pipeline.store.append('order-o-1', [sampleEvent('OrderPlaced'), sampleEvent('OrderPaid')], 'any');
    await pipeline.publisher.catchUp();
    await (await pipeline.consume()).drain();
    expect(pipeline.received.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderPaid']);

    await pipeline.close();
    pipeline = new Pipeline(folder);
    await pipeline.publisher.catchUp();
    expect(await pipeline.messagesOnTopic()).toBe(2);
    await pipeline.store.append('order-o-1', [sampleEvent('OrderShipped')], 'any');
    await pipeline.publisher.catchUp();
    await (await pipeline.consume()).drain();

    expect(await pipeline.publisher.position()).toBe(3);
    expect(pipeline.received.map((e) => e.type)).toEqual(['OrderShipped']);
  });
});
