import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventPublisher, LogMessageBus, ManualClock, type BusMessage, type RecordedEvent } from '@aftersales/kernel';
import { sampleEvent } from '@aftersales/kernel/testing';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { SqliteGroupOffsets } from './sqlite-group-offsets';
import { SqliteMessageBus } from './sqlite-message-bus';

const TOPIC = 'aftersales.order.events.v1';
const quiet = { warn: () => undefined, error: () => undefined };
const routing = {
  topicOf: () => TOPIC,
  messageOf: (event: RecordedEvent) => ({ key: (event.data as { orderId: string }).orderId, value: JSON.stringify(event), headers: {} }),
};

describe('SqliteGroupOffsets', () => {
  let folder: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aftersales-offsets-'));
    store = new SqliteEventStore({ path: join(folder, 'events.db'), clock: new ManualClock(new Date('2026-11-02T08:00:00.000Z')) });
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const appendOrders = async (from: number, count: number): Promise<void> => {
    for (let i = from; i < from + count; i++) await store.append(`order-o-${i}`, [sampleEvent('OrderPlaced', { orderId: `o-${i}` })], 'any');
  };

  it('given a bus.db where the publisher copied the log and a group handled part of it, when opened as offsets, then the group resumes where it was and the copy is gone', async () => {
    await appendOrders(0, 40);
    const copied = new SqliteMessageBus({ filename: join(folder, 'bus.db'), logger: quiet });
    const publisher = new EventPublisher({ eventStore: store, bus: copied, checkpoints: copied.checkpoints, topicFor: () => TOPIC });
    await publisher.catchUp();
    let handled = 0;
    const consumer = await copied.subscribe('history', [TOPIC], async () => {
      handled += 1;
      if (handled >= 30) await new Promise(() => undefined); // the 30th message never finishes: the rest stays unhandled
    });
    while (handled < 30) await new Promise((resolve) => setTimeout(resolve, 5));
    void consumer.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const unhandledBefore = await copied.lag('history', [TOPIC]);
    await appendOrders(40, 5); // committed to the log, never published
    (copied as unknown as { db: { close(): void } }).db.close();
    const sizeBefore = statSync(join(folder, 'bus.db')).size;

    const offsets = new SqliteGroupOffsets({ filename: join(folder, 'bus.db') });
    const bus = new LogMessageBus({ log: store, offsets, routing, logger: quiet });
    const redelivered: number[] = [];
    const resumed = await bus.subscribe('history', [TOPIC], async (message: BusMessage) => void redelivered.push(message.offset));
    await resumed.drain();
    await bus.close();

    expect(unhandledBefore).toBeGreaterThan(0);
    expect(redelivered).toContain(45); // the unpublished events are delivered
    expect(redelivered.length).toBeGreaterThanOrEqual(unhandledBefore + 5);
    expect(redelivered.length).toBeLessThan(45); // not everything again
    expect([...new Set(redelivered)].length).toBe(redelivered.length);
    expect(statSync(join(folder, 'bus.db')).size).toBeLessThan(sizeBefore);
  });

  it('given committed positions, when the file is opened again, then they are there', () => {
    const offsets = new SqliteGroupOffsets({ filename: join(folder, 'bus.db') });
    offsets.commit('history', [{ topic: TOPIC, position: 12 }, { topic: 'other', position: 3 }]);
    offsets.close();

    const reopened = new SqliteGroupOffsets({ filename: join(folder, 'bus.db') });
    expect(reopened.position('history', TOPIC)).toBe(12);
    expect(reopened.position('history', 'other')).toBe(3);
    expect(reopened.position('billing', TOPIC)).toBeUndefined();
    reopened.close();
  });

  it('given the log bus, when something is published to it, then it refuses: the log is the only source', async () => {
    const bus = new LogMessageBus({ log: store, offsets: new SqliteGroupOffsets({ filename: ':memory:' }), routing, logger: quiet });
    await expect(bus.publish(TOPIC, [{ key: 'o-1', value: '{}', headers: {} }])).rejects.toThrow('append the events to the event store');
    await bus.close();
  });
});
