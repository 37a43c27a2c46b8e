import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '@aftersales/kernel';
import { sampleEvent, sampleEvents, type StoreHarness } from '@aftersales/kernel/testing';
import { inTempFolder } from '../__tests__/temp-store';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore hash chain', () => {
  let harness: StoreHarness<SqliteEventStore> & { folder: string };
  let store: SqliteEventStore;
  const path = () => join(harness.folder, 'events.db');

  beforeEach(async () => {
    const clock = new ManualClock(new Date('2025-03-01T10:00:00.000Z'));
    harness = await inTempFolder((folder) => new SqliteEventStore({ path: join(folder, 'events.db'), clock }));
    store = harness.store;
    await store.append('order-1', sampleEvents(3), 'no_stream');
    await store.append('order-2', sampleEvents(2), 'no_stream');
  });

  afterEach(async () => {
    await harness.dispose();
  });

  const withRawSql = (statements: (db: Database.Database) => void) => {
    const db = new Database(path());
    try {
      statements(db);
    } finally {
      db.close();
    }
  };

  it('given an event whose data was edited with raw SQL, when the chain is verified, then that event is the first broken one', async () => {
    withRawSql((db) => db.prepare(`UPDATE events SET data = json_set(data, '$.forged', 1) WHERE position = 3`).run());

    expect(await store.verifyChain()).toEqual({ checked: 3, firstBrokenPosition: 3 });
  });

  it('given an event whose actor was changed with raw SQL, when verified, then the chain breaks there', async () => {
    withRawSql((db) => db.prepare(`UPDATE events SET actor_id = 'someone-else' WHERE position = 2`).run());

    expect(await store.verifyChain()).toMatchObject({ firstBrokenPosition: 2 });
  });

  it('given an event deleted with raw SQL, when verified, then the chain breaks at the event after the gap', async () => {
    withRawSql((db) => db.prepare('DELETE FROM events WHERE position = 4').run());

    expect(await store.verifyChain()).toMatchObject({ firstBrokenPosition: 5 });
  });

  it('given an untouched log, when verified, then every event checks', async () => {
    expect(await store.verifyChain()).toEqual({ checked: 5 });
  });

  it('given a log written before events were chained, when it is opened, then its events are chained and later appends continue the chain', async () => {
    await store.close();
    withRawSql((db) => db.exec('ALTER TABLE events DROP COLUMN hash'));

    store = await harness.reopen();
    await store.append('order-3', sampleEvents(1), 'no_stream');

    expect(await store.verifyChain()).toEqual({ checked: 6 });
  });

  it('given appends committed on the writer thread, when verified, then they chain like appends written here', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.append(`order-c${i}`, sampleEvents(2), 'no_stream')));

    expect(await store.verifyChain()).toEqual({ checked: 85 });
  });

  it('given data with quotes, backslashes, control and non-Latin characters committed on the writer thread, when verified, then it chains as the kernel hashes it', async () => {
    const text = 'a "quoted" \\ back\\slash, a tab\t, a line\n, ünïcödé 注文 🚚 \u2028';
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.append(`order-t${i}`, [sampleEvent('OrderNoted', { text, i })], 'no_stream')));

    expect(store.stats().transactions).toBeLessThan(2 + 8);
    expect(await store.verifyChain()).toEqual({ checked: 13 });
  });

  it('given a batch the writer thread could not commit (a reused event id), then the appends written again here and the later ones continue the chain', async () => {
    const taken = sampleEvent('OrderPlaced');
    await store.append('order-9', [taken], 'no_stream');

    const outcomes = await Promise.allSettled([
      store.append('order-10', sampleEvents(2), 'no_stream'),
      store.append('order-11', [{ ...sampleEvent('OrderPlaced'), eventId: taken.eventId }], 'no_stream'),
      store.append('order-12', sampleEvents(1), 'no_stream'),
    ]);
    await Promise.all(Array.from({ length: 4 }, (_, i) => store.append(`order-d${i}`, sampleEvents(1), 'no_stream')));
    await store.append('order-e', sampleEvents(1), 'no_stream');

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.verifyChain()).toEqual({ checked: 14 });
  });

  it('given appends committed on the writer thread, when the store is reopened and appended to, then the chain holds across the restart', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.append(`order-r${i}`, sampleEvents(1), 'no_stream')));
    await store.close();

    store = await harness.reopen();
    await Promise.all(Array.from({ length: 3 }, (_, i) => store.append(`order-s${i}`, sampleEvents(1), 'no_stream')));
    await store.append('order-s9', sampleEvents(1), 'no_stream');

    expect(await store.verifyChain()).toEqual({ checked: 19 });
  });

  it('given more appends at once than fit in one part, when the writer thread has chained them as they came in, then the chain verifies and the batch was one transaction', async () => {
    await Promise.all(Array.from({ length: 3 }, (_, i) => store.append(`order-w${i}`, sampleEvents(1), 'no_stream')));
    const before = store.stats().transactions;

    await Promise.all(Array.from({ length: 64 }, (_, i) => store.append(`order-p${i}`, sampleEvents(1), 'no_stream')));

    expect(store.stats().transactions - before).toBe(1);
    expect(await store.verifyChain()).toEqual({ checked: 72 });
  });

  it('given a streamed batch whose last part reuses an event id, then the parts already written are rolled back, the batch is written again here without that append, and the chain verifies', async () => {
    const taken = sampleEvent('OrderPlaced');
    await Promise.all([store.append('order-x', [taken], 'no_stream'), store.append('order-y', sampleEvents(1), 'no_stream')]);

    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 40 }, (_, i) => store.append(`order-q${i}`, sampleEvents(1), 'no_stream')),
      store.append('order-z', [{ ...sampleEvent('OrderPlaced'), eventId: taken.eventId }], 'no_stream'),
      store.append('order-q0', sampleEvents(1), 'no_stream'),
    ]);

    expect(outcomes.filter((o) => o.status === 'rejected').length).toBe(2);
    expect((await store.readAll(0, 100)).length).toBe(7 + 40);
    expect(await store.verifyChain()).toEqual({ checked: 47 });
  });
});
