import type { SqliteDatabase } from '../database/open-database';

export function createReadModelSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      collection  TEXT NOT NULL,
      id          TEXT NOT NULL,
      doc         TEXT NOT NULL,
      PRIMARY KEY (collection, id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS projection_checkpoints (
      projection  TEXT    PRIMARY KEY,
      position    INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS projection_processed_events (
      projection  TEXT NOT NULL,
      event_id    TEXT NOT NULL,
      PRIMARY KEY (projection, event_id)
    ) WITHOUT ROWID;
  `);
}
