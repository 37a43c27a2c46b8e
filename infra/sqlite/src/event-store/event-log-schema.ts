import type { ActorRole, TraceContext } from '@aftersales/contracts';
import { chainHash, GENESIS_HASH, type ChainedFields, type CommandKeyRecord, type RecordedEvent } from '@aftersales/kernel';
import type { SqliteDatabase } from '../database/open-database';

/**
 * `position` is the rowid and is assigned by the store as head + 1 inside the writing transaction,
 * so the log is gap-free (nothing is ever deleted). UNIQUE(stream_id, revision) is both the last line of
 * defence against a lost update and the index that answers "last revision of a stream".
 */
export function createEventLogSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position        INTEGER PRIMARY KEY,
      event_id        TEXT    NOT NULL UNIQUE,
      stream_id       TEXT    NOT NULL,
      revision        INTEGER NOT NULL,
      type            TEXT    NOT NULL,
      schema_version  INTEGER NOT NULL,
      data            TEXT    NOT NULL,
      occurred_at     TEXT    NOT NULL,
      correlation_id  TEXT    NOT NULL,
      causation_id    TEXT,
      actor_id        TEXT    NOT NULL,
      actor_role      TEXT    NOT NULL,
      traceparent     TEXT,
      tracestate      TEXT,
      recorded_at     TEXT    NOT NULL,
      hash            TEXT,
      UNIQUE (stream_id, revision)
    );
    CREATE TABLE IF NOT EXISTS command_keys (
      key           TEXT    PRIMARY KEY,
      request_hash  TEXT    NOT NULL,
      stream_id     TEXT    NOT NULL,
      revision      INTEGER NOT NULL,
      event_ids     TEXT    NOT NULL,
      recorded_at   TEXT    NOT NULL
    ) WITHOUT ROWID;
  `);
  addHashChain(db);
}

/**
 * Logs created before events were chained get the `hash` column, and their events are chained once, in position
 * order, when the store first opens them (from then on every append is chained as it is written).
 */
function addHashChain(db: SqliteDatabase): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all();
  if (!columns.some((column) => column.name === 'hash')) db.exec('ALTER TABLE events ADD COLUMN hash TEXT');
  // A log is chained in one transaction and every append after is chained as written: when its last event has a hash,
  // so has every event (no scan of the whole log each time the store opens it).
  const last = db.prepare<[], { hash: string | null }>('SELECT hash FROM events ORDER BY position DESC LIMIT 1').get();
  if (!last || last.hash !== null) return;
  const firstUnchained = db.prepare<[], { position: number }>('SELECT position FROM events WHERE hash IS NULL ORDER BY position LIMIT 1').get();
  if (!firstUnchained) return;
  const before = db.prepare<[number], { hash: string | null }>('SELECT hash FROM events WHERE position = ?').get(firstUnchained.position - 1);
  const page = db.prepare<[number], EventValues>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT 5000`).raw(true);
  const update = db.prepare<[string, number]>('UPDATE events SET hash = ? WHERE position = ?');
  db.transaction(() => {
    let previous = before?.hash ?? GENESIS_HASH;
    for (let rows = page.all(firstUnchained.position - 1); rows.length > 0; rows = page.all(rows[rows.length - 1][0])) {
      for (const row of rows) update.run((previous = chainHash(previous, row)), row[0]);
    }
  }).immediate();
}

/** Every column, in the order of EventValues: an event is written and read back as a positional value array. */
export const EVENT_COLUMNS =
  'position, event_id, stream_id, revision, type, schema_version, data, occurred_at, correlation_id, causation_id, ' +
  'actor_id, actor_role, traceparent, tracestate, recorded_at';

export const EVENT_PLACEHOLDERS = EVENT_COLUMNS.split(',')
  .map(() => '?')
  .join(', ');

/**
 * One event row in EVENT_COLUMNS order (statements run with `.raw()`: no per-row object with 15 named keys): the
 * columns the log's hash chain covers, in its order.
 */
export type EventValues = [...ChainedFields];

export function toRecordedEvent(row: EventValues): RecordedEvent {
  const event: RecordedEvent = {
    eventId: row[1],
    type: row[4],
    schemaVersion: row[5],
    streamId: row[2],
    revision: row[3],
    position: row[0],
    occurredAt: row[7],
    recordedAt: row[14],
    correlationId: row[8],
    causationId: row[9],
    actor: { id: row[10], role: row[11] as ActorRole },
    data: JSON.parse(row[6]) as unknown,
  };
  const trace = traceOf(row[12], row[13]);
  if (trace) event.trace = trace;
  return event;
}

function traceOf(traceparent: string | null, tracestate: string | null): TraceContext | undefined {
  if (traceparent === null) return undefined;
  return tracestate === null ? { traceparent } : { traceparent, tracestate };
}

export interface CommandKeyRow {
  key: string;
  request_hash: string;
  stream_id: string;
  revision: number;
  event_ids: string;
  recorded_at: string;
}

export const toCommandKeyRecord = (row: CommandKeyRow): CommandKeyRecord => ({
  key: row.key,
  requestHash: row.request_hash,
  streamId: row.stream_id,
  revision: row.revision,
  eventIds: JSON.parse(row.event_ids) as string[],
  recordedAt: row.recorded_at,
});
