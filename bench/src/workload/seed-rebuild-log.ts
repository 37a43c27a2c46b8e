import Database from 'better-sqlite3';
import { SystemClock } from '@aftersales/kernel';
import { SqliteEventStore } from '@aftersales/sqlite';
import { generateOrderHistory } from './order-lifecycles';
import { seedLog } from './seed-log';

/** Orders' lives decided once, then copied: a million events are seeded in seconds, not minutes. */
const GENERATED_EVENTS = 100_000;

export interface SeededLog {
  events: number;
  orders: number;
}

/**
 * Writes a log of about `events` events at `eventsPath`: up to 100 000 realistic ones appended through the store
 * (exact revisions, group commits), then, for more, copies of them with every order id renamed (`<id>~<copy>`),
 * inserted raw in one transaction. Relies on the `events` table's columns, not on any other table: a store that
 * keeps more per event (another index table) needs its own copy step here.
 */
export async function seedRebuildLog(eventsPath: string, events: number): Promise<SeededLog> {
  const history = generateOrderHistory(Math.min(events, GENERATED_EVENTS));
  const store = new SqliteEventStore({ path: eventsPath, clock: new SystemClock() });
  await seedLog(store, history.steps);
  await store.close();
  const copies = Math.ceil(events / history.events) - 1;
  if (copies === 0) return { events: history.events, orders: history.orders };
  const db = new Database(eventsPath);
  // A bulk load, not a durable write path: no journal, no fsync, the indexes' pages kept in memory.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  const columns = 'event_id, stream_id, revision, type, schema_version, data, occurred_at, correlation_id, causation_id, actor_id, actor_role, traceparent, tracestate, recorded_at';
  const copy = db.prepare(
    `INSERT INTO events (position, ${columns})
     SELECT position + @offset, event_id || @suffix, replace(stream_id, json_extract(data, '$.orderId'), json_extract(data, '$.orderId') || @suffix),
       revision, type, schema_version, replace(data, json_extract(data, '$.orderId'), json_extract(data, '$.orderId') || @suffix),
       occurred_at, correlation_id, causation_id, actor_id, actor_role, traceparent, tracestate, recorded_at
     FROM events WHERE position <= @generated ORDER BY position`,
  );
  db.transaction(() => {
    for (let n = 1; n <= copies; n++) copy.run({ offset: n * history.events, suffix: `~${n}`, generated: history.events });
  })();
  db.pragma('journal_mode = WAL');
  db.close();
  return { events: history.events * (copies + 1), orders: history.orders * (copies + 1) };
}
