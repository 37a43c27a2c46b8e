import type { ActorRole, TraceContext } from '@aftersales/contracts';
import type { CommandKeyRecord, RecordedEvent } from '@aftersales/kernel';
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
      trace           TEXT,
      recorded_at     TEXT    NOT NULL,
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
}

export const EVENT_COLUMNS =
  'position, event_id, stream_id, revision, type, schema_version, data, occurred_at, correlation_id, causation_id, actor_id, actor_role, trace, recorded_at';

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  occurred_at: string;
  correlation_id: string;
  causation_id: string | null;
  actor_id: string;
  actor_role: string;
  trace: string | null;
  recorded_at: string;
}

/** Values in EVENT_COLUMNS order, for the positional insert statement. */
export type EventValues = [
  number,
  string,
  string,
  number,
  string,
  number,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  string,
];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const event: RecordedEvent = {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: { id: row.actor_id, role: row.actor_role as ActorRole },
    data: JSON.parse(row.data) as unknown,
  };
  if (row.trace !== null) event.trace = JSON.parse(row.trace) as TraceContext;
  return event;
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
