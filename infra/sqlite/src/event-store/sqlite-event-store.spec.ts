import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { DuplicateCommandError, ManualClock, type EventStore, type RecordedEvent } from '@aftersales/kernel';
import { eventStoreContract, sampleEvent, sampleEvents, type StoreHarness } from '@aftersales/kernel/testing';
import { inTempFolder } from '../__tests__/temp-store';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('SqliteEventStore', ({ clock }) =>
  inTempFolder((folder) => new SqliteEventStore({ path: join(folder, 'events.db'), clock })),
);

eventStoreContract('SqliteEventStore checkpointing on a worker thread from its first transaction', ({ clock }) =>
  inTempFolder((folder) => new SqliteEventStore({ path: join(folder, 'events.db'), clock, backgroundCheckpointsAfter: 1 })),
);

describe('SqliteEventStore', () => {
  let harness: StoreHarness<SqliteEventStore> & { folder: string };
  let store: SqliteEventStore;

  beforeEach(async () => {
    const clock = new ManualClock(new Date('2025-03-01T10:00:00.000Z'));
    harness = await inTempFolder((folder) => new SqliteEventStore({ path: join(folder, 'nested', 'log', 'events.db'), clock }));
    store = harness.store;
  });

  afterEach(async () => {
    await harness.dispose();
  });

  it('given a stream never written, when it is read from the start, then the store knows it is empty (revision -1)', async () => {
    await store.append('order-1', sampleEvents(1), 'no_stream');

    await expect(store.readStream('order-2')).resolves.toEqual([]);

    expect(store.knownRevision('order-2')).toBe(-1);
  });

  it('given a key looked up and not found, when an append records it, then the same key again is a duplicate', async () => {
    const key = { key: 'refund-42', requestHash: 'h1' };
    await expect(store.findCommandKey(key.key)).resolves.toBeUndefined();
    await store.append('order-1', sampleEvents(1), 'no_stream', { commandKey: key });

    const again = store.append('order-1', sampleEvents(1), 'any', { commandKey: key });

    await expect(again).rejects.toBeInstanceOf(DuplicateCommandError);
    await expect(store.readStream('order-1')).resolves.toHaveLength(1);
  });

  it('given a key looked up and not found, when two appends with it are committed together, then only the first is written', async () => {
    const key = { key: 'refund-43', requestHash: 'h1' };
    await expect(store.findCommandKey(key.key)).resolves.toBeUndefined();

    const outcomes = await Promise.allSettled([
      store.append('order-1', sampleEvents(1), 'any', { commandKey: key }),
      store.append('order-2', sampleEvents(1), 'any', { commandKey: key }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    await expect(store.readStream('order-2')).resolves.toEqual([]);
  });

  it('given events in the log, when read as payloads, then each carries what readAll gives of it but the metadata', async () => {
    await store.append('order-1', sampleEvents(2), 'no_stream');
    await store.append('order-2', sampleEvents(1), 'no_stream');
    const full = await store.readAll(1, 10);

    const payloads = await store.readAllPayloads(1, 10);

    const payloadOf = ({ type, schemaVersion, streamId, revision, position, data }: RecordedEvent) => ({ type, schemaVersion, streamId, revision, position, data });
    expect(payloads.map(payloadOf)).toEqual(full.map(payloadOf));
    expect({ ...payloads[0] }).toEqual(payloadOf(full[0]));
  });

  it('given a reader that needs some types only, when it reads payloads, then the other events come in order without their data', async () => {
    await store.append('order-1', [...sampleEvents(1, 'OrderNoted'), ...sampleEvents(1, 'OrderPaid')], 'no_stream');

    const payloads = await store.readAllPayloads(0, 10, (type) => type === 'OrderPaid');

    expect(payloads.map(({ type, position, data }) => ({ type, position, parsed: data !== undefined }))).toEqual([
      { type: 'OrderNoted', position: 1, parsed: false },
      { type: 'OrderPaid', position: 2, parsed: true },
    ]);
  });

  it('given an event read as a payload, when its metadata is read, then it throws instead of answering undefined', async () => {
    await store.append('order-1', sampleEvents(1), 'no_stream');

    const [event] = await store.readAllPayloads(0, 1);

    expect(() => event.occurredAt).toThrow(/reads: 'payload'/);
    expect(() => event.actor).toThrow(/reads: 'payload'/);
  });

  it('given a path in folders that do not exist, when opened, then the folders and the file are created', () => {
    expect(existsSync(join(harness.folder, 'nested', 'log', 'events.db'))).toBe(true);
  });

  it('given an open store, then its connection runs in WAL mode with synchronous FULL', () => {
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
  });

  it('given 64 appends issued at once, when they commit, then they share far fewer than 64 transactions', async () => {
    const before = store.stats();

    await Promise.all(Array.from({ length: 64 }, (_, i) => store.append(`order-${i}`, sampleEvents(1), 'no_stream')));

    const after = store.stats();
    expect(after.appends - before.appends).toBe(64);
    expect(after.events - before.events).toBe(64);
    expect(after.transactions - before.transactions).toBeLessThanOrEqual(2);
  });

  it('given appends issued after different numbers of awaits, as command handlers do, then they join one transaction', async () => {
    const appendAfter = async (awaits: number, streamId: string): Promise<unknown> => {
      for (let i = 0; i < awaits; i++) await Promise.resolve();
      return store.append(streamId, sampleEvents(1), 'no_stream');
    };
    const before = store.stats().transactions;

    await Promise.all([appendAfter(0, 'order-a'), appendAfter(3, 'order-b'), appendAfter(20, 'order-c')]);

    expect(store.stats().transactions - before).toBe(1);
  });

  it('given sequential appends, then each waits for its own commit and is counted as one transaction', async () => {
    for (let i = 0; i < 5; i++) await store.append('order-1', sampleEvents(1), i - 1 < 0 ? 'no_stream' : i - 1);

    expect(store.stats()).toEqual({ transactions: 5, appends: 5, events: 5 });
  });

  it('given a batch where one append reuses an existing event id, then only that append fails and the log stays gap-free', async () => {
    const taken = sampleEvent('OrderPlaced');
    await store.append('order-1', [taken], 'no_stream');

    const outcomes = await Promise.allSettled([
      store.append('order-2', sampleEvents(2), 'no_stream'),
      store.append('order-3', [sampleEvent('OrderPlaced'), { ...sampleEvent('OrderPlaced'), eventId: taken.eventId }], 'no_stream'),
      store.append('order-4', sampleEvents(1), 'no_stream'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.readStream('order-3')).toEqual([]);
    const log = await store.readAll(0, 10);
    expect(log.map((e) => [e.streamId, e.position])).toEqual([
      ['order-1', 1],
      ['order-2', 2],
      ['order-2', 3],
      ['order-4', 4],
    ]);
    expect(await store.headPosition()).toBe(4);
    const [, , last] = outcomes;
    expect(last.status === 'fulfilled' && last.value.events[0].position).toBe(4);
  });

  it('given an event whose data cannot be serialised, then only its append fails', async () => {
    const circular: Record<string, unknown> = { orderId: 'o-1' };
    circular.self = circular;

    const outcomes = await Promise.allSettled([
      store.append('order-1', [sampleEvent('OrderPlaced', circular)], 'no_stream'),
      store.append('order-2', sampleEvents(1), 'no_stream'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect((await store.readAll(0, 10)).map((e) => e.streamId)).toEqual(['order-2']);
  });

  it('given appends queued when the store is closed, then they are written before it closes and later appends are refused', async () => {
    const pending = store.append('order-1', sampleEvents(2), 'no_stream');

    await store.close();

    await expect(pending).resolves.toMatchObject({ revision: 1 });
    await expect(store.append('order-1', sampleEvents(1), 1)).rejects.toThrow('closed');
    const reopened: EventStore = await harness.reopen();
    expect(await reopened.headPosition()).toBe(2);
  });

  it('given a stream written before a restart, when its revision is evicted from the cache, then conflicts are still detected from the file', async () => {
    await harness.dispose();
    const clock = new ManualClock(new Date('2025-03-01T10:00:00.000Z'));
    harness = await inTempFolder((folder) => new SqliteEventStore({ path: join(folder, 'events.db'), clock, revisionCacheSize: 2 }));
    store = harness.store;
    await store.append('order-1', sampleEvents(2), 'no_stream');
    for (let i = 2; i <= 5; i++) await store.append(`order-${i}`, sampleEvents(1), 'no_stream');

    await expect(store.append('order-1', sampleEvents(1), 0)).rejects.toMatchObject({ actual: 1 });
    await expect(store.append('order-1', sampleEvents(1), 1)).resolves.toMatchObject({ revision: 2 });
  });

  it('given a stream written before a restart, then its revision is unknown until the stream is read, and known after each append', async () => {
    await store.append('order-1', sampleEvents(2), 'no_stream');
    expect(store.knownRevision('order-1')).toBe(1);
    const reopened = (await harness.reopen()) as SqliteEventStore;
    expect(reopened.knownRevision('order-1')).toBeUndefined();
    await reopened.readStream('order-1', 1);
    expect(reopened.knownRevision('order-1')).toBe(1);
    await reopened.append('order-1', sampleEvents(1), 1);
    expect(reopened.knownRevision('order-1')).toBe(2);
  });

  it('given appends just committed, some refused in their batch, then followers reading behind the head get what the file holds', async () => {
    await store.readAll(0, 100); // a follower at the head: the store holds what it commits next
    await store.append('order-1', sampleEvents(2), 'no_stream');
    const taken = sampleEvent('OrderPlaced');
    const placed = sampleEvent('OrderPlaced', { total: 1200 });
    const traced = { ...placed, metadata: { ...placed.metadata, causationId: 'cause-1', trace: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } } };
    await Promise.allSettled([
      store.append('order-2', [taken], 'no_stream'),
      store.append('order-3', [{ ...sampleEvent('OrderPlaced'), eventId: taken.eventId }], 'no_stream'),
      store.append('order-4', [traced], 'no_stream'),
    ]);

    const behindTheHead = [await store.readAll(0, 100), await store.readAll(2, 100), await store.readAll(3, 1), await store.readAll(4, 100)];

    const reopened = await harness.reopen();
    const fromTheFile = [await reopened.readAll(0, 100), await reopened.readAll(2, 100), await reopened.readAll(3, 1), await reopened.readAll(4, 100)];
    expect(behindTheHead).toEqual(fromTheFile);
    expect(fromTheFile.map((events) => events.map((e) => e.position))).toEqual([[1, 2, 3, 4], [3, 4], [4], []]);
  });

  it('given a store checkpointing on a worker thread, when it is closed, then the thread is gone first and the WAL is folded into the file', async () => {
    const path = join(harness.folder, 'checkpointed.db');
    const checkpointed = new SqliteEventStore({ path, clock: new ManualClock(new Date('2025-03-01T10:00:00.000Z')), backgroundCheckpointsAfter: 1 });
    for (let i = 0; i < 5; i++) await checkpointed.append('order-1', sampleEvents(1), 'any');

    await checkpointed.close();

    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = new SqliteEventStore({ path, clock: new ManualClock(new Date('2025-03-01T10:00:00.000Z')) });
    await expect(reopened.readStream('order-1')).resolves.toHaveLength(5);
    await reopened.close();
  });
});
