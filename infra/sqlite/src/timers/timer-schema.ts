import type { SqliteDatabase } from '../database/open-database';

/**
 * `due_ms` is the instant of `due_at` in epoch milliseconds: due times written with different offsets
 * order by the instant they denote. Fired timers stay (fired_at set) so a replayed schedule cannot revive them.
 */
export function createTimerSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS timers (
      timer_id      TEXT    PRIMARY KEY,
      service       TEXT    NOT NULL,
      due_at        TEXT    NOT NULL,
      due_ms        INTEGER NOT NULL,
      command       TEXT    NOT NULL,
      scheduled_by  TEXT    NOT NULL,
      fired_at      TEXT
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS timers_pending_by_due ON timers (due_ms, timer_id) WHERE fired_at IS NULL;
    CREATE TABLE IF NOT EXISTS timer_checkpoint (
      id        INTEGER PRIMARY KEY CHECK (id = 1),
      position  INTEGER NOT NULL
    );
  `);
}

export interface TimerRow {
  timer_id: string;
  service: string;
  due_at: string;
  command: string;
  scheduled_by: string;
}
