import type { SqliteDatabase } from '../database/open-database';

/**
 * `documents` is a rowid table on purpose: documents are about 1–3 KB and can grow, and a WITHOUT ROWID b-tree keeps
 * at most about a quarter of a page of a row on its page (~1 KB with 4 KB pages), so larger documents spilled into
 * overflow pages that every upsert rewrote (a rowid table made the 100 000-event order rebuild of `pnpm bench` about
 * 25 % faster). The primary key stays as a unique index, which `ON CONFLICT (collection, id)` and the id-ordered
 * pages use.
 *
 * `document_rows` holds the append-only lists of the read models (an order's notes, its timeline), one small row each,
 * clustered by (collection, parent, seq) so that a page of one parent's rows is one range of the b-tree.
 */
export function createReadModelSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      collection  TEXT NOT NULL,
      id          TEXT NOT NULL,
      doc         TEXT NOT NULL,
      PRIMARY KEY (collection, id)
    );
    CREATE TABLE IF NOT EXISTS document_rows (
      collection  TEXT    NOT NULL,
      parent_id   TEXT    NOT NULL,
      seq         INTEGER NOT NULL,
      value       TEXT    NOT NULL,
      PRIMARY KEY (collection, parent_id, seq)
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
