import type { Document, Page, Query, ReadModelBatch, ReadModelStore, Row, RowPut, RowQuery } from '@aftersales/kernel';
import type Database from 'better-sqlite3';
import { databaseFrom, type DatabaseSource, type Durability, type SqliteDatabase } from '../database/open-database';
import { decodeCursor, decodeRowCursor, documentFilter, encodeCursor, encodeRowCursor, pageSize } from './document-query';
import { createReadModelSchema } from './read-model-schema';
import { ThreadedWrites } from '../database/threaded-writes';

const MAX_CACHED_QUERY_SHAPES = 256;

/**
 * Page size of a read-model file the store creates. A commit writes every page it touches to the WAL, so the page size
 * is the unit of write amplification: a note (an order document, a note row, a timeline row and their checkpoints)
 * wrote 88.6 KB of WAL with 16 KB pages and 28.2 KB with 4 KB pages, while the 100 000-event rebuild of `pnpm bench`
 * cost the same CPU with either (6.63 s and 6.65 s for four passes, medians of three interleaved runs). A file created
 * with another page size keeps it.
 */
const DOCUMENT_PAGE_SIZE = 4_096;

/**
 * Documents (or rows) written per INSERT statement. A commit of many documents (a rebuild's batch holds thousands)
 * spends less per document in statement calls and b-tree descents when each statement carries many of them, sorted.
 */
const ROWS_PER_STATEMENT = 64;

const byCollectionAndId = (a: ReadModelBatch['puts'][number], b: ReadModelBatch['puts'][number]): number =>
  a.collection === b.collection ? (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0) : a.collection < b.collection ? -1 : 1;

const byCollectionParentAndSeq = (a: RowPut, b: RowPut): number =>
  a.collection !== b.collection
    ? a.collection < b.collection
      ? -1
      : 1
    : a.parentId !== b.parentId
      ? a.parentId < b.parentId
        ? -1
        : 1
      : a.seq - b.seq;

const changesNothing = (batch: ReadModelBatch): boolean =>
  batch.puts.length === 0 &&
  batch.deletes.length === 0 &&
  (batch.rows?.length ?? 0) === 0 &&
  (batch.processedEventIds?.length ?? 0) === 0 &&
  batch.resetsCollections === undefined;

export interface SqliteReadModelStoreOptions {
  /**
   * Used only when the store opens its own file. NORMAL by default: documents, checkpoint and processed
   * ids commit together, so losing the last commits on power loss only means re-projecting them from the log.
   */
  durability?: Durability;
  /**
   * Write batches that change documents on a worker thread (only for a store that opens its own file): SQLite's work
   * leaves the event loop. Resets and rebuild batches are still written here, never while the thread writes.
   */
  writerThread?: boolean;
}

/** Read models as JSON documents in SQLite, by default in their own file (e.g. `read-models.db`). */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: SqliteDatabase;
  private readonly ownsDatabase: boolean;
  /**
   * Checkpoints of batches that changed nothing, written with the next commit that changes something: most projections
   * handle few event types, and a commit per event each would write a page of checkpoints for every projection.
   */
  private readonly heldCheckpoints = new Map<string, number>();
  private readonly writes: ThreadedWrites;
  private readonly findStatements = new Map<string, Database.Statement<unknown[], { id: string; doc: string }>>();

  private readonly selectDocument: Database.Statement<[string, string], { doc: string }>;
  private readonly upsertDocuments: (count: number) => Database.Statement<unknown[]>;
  private readonly deleteDocument: Database.Statement<[string, string]>;
  private readonly deleteCollection: Database.Statement<[string]>;
  private readonly countDocuments: Database.Statement<[string], { count: number }>;
  private readonly deleteAllBut: Database.Statement<[string, string]>;
  private readonly upsertRows: (count: number) => Database.Statement<unknown[]>;
  private readonly deleteRows: Database.Statement<[string]>;
  private readonly countRows: Database.Statement<[string], { count: number }>;
  private readonly deleteRowsAllBut: Database.Statement<[string, string]>;
  private readonly rowPages: Record<
    'oldestFirst' | 'newestFirst' | 'after' | 'before',
    Database.Statement<unknown[], { seq: number; value: string }>
  >;
  private readonly selectCheckpoint: Database.Statement<[string], { position: number }>;
  private readonly upsertCheckpoint: Database.Statement<[string, number]>;
  private readonly deleteCheckpoint: Database.Statement<[string]>;
  private readonly insertProcessed: Database.Statement<[string, string]>;
  private readonly selectProcessed: Database.Statement<[string, string], { found: number }>;
  private readonly deleteProcessed: Database.Statement<[string]>;
  private readonly commitInTransaction: Database.Transaction<(batches: readonly ReadModelBatch[]) => void>;
  private readonly resetInTransaction: Database.Transaction<(projection: string, collections: string[]) => void>;

  constructor(source: DatabaseSource, options: SqliteReadModelStoreOptions = {}) {
    const { db, owned } = databaseFrom(source, options.durability ?? 'NORMAL', { pageSize: DOCUMENT_PAGE_SIZE });
    this.db = db;
    this.ownsDatabase = owned;
    createReadModelSchema(db);
    this.writes = new ThreadedWrites(source, owned, options.durability ?? 'NORMAL', options.writerThread ?? false);

    /** One prepared statement per number of VALUES tuples (1 to ROWS_PER_STATEMENT), prepared when first needed. */
    const statementsByCount = (sql: (values: string) => string, tuple: string) => {
      const statements: Database.Statement<unknown[]>[] = [];
      return (count: number) => (statements[count] ??= db.prepare(sql(Array.from({ length: count }, () => tuple).join(', '))));
    };
    this.selectDocument = db.prepare('SELECT doc FROM documents WHERE collection = ? AND id = ?');
    this.upsertDocuments = statementsByCount(
      (values) =>
        `INSERT INTO documents (collection, id, doc) VALUES ${values} ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc`,
      '(?, ?, ?)',
    );
    this.deleteDocument = db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?');
    this.deleteCollection = db.prepare('DELETE FROM documents WHERE collection = ?');
    this.countDocuments = db.prepare('SELECT COUNT(*) AS count FROM documents WHERE collection = ?');
    this.deleteAllBut = db.prepare('DELETE FROM documents WHERE collection = ? AND id NOT IN (SELECT value FROM json_each(?))');
    this.upsertRows = statementsByCount(
      // A row put again unchanged (a replay, a rebuild over the same log) is left alone: in a WITHOUT ROWID table an
      // update rewrites the entry, and a rebuild puts every row again.
      (values) =>
        `INSERT INTO document_rows (collection, parent_id, seq, value) VALUES ${values} ` +
        'ON CONFLICT (collection, parent_id, seq) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value',
      '(?, ?, ?, ?)',
    );
    this.deleteRows = db.prepare('DELETE FROM document_rows WHERE collection = ?');
    this.countRows = db.prepare('SELECT COUNT(*) AS count FROM document_rows WHERE collection = ?');
    this.deleteRowsAllBut = db.prepare(
      // One key per row on both sides, so that NOT IN looks it up in an index SQLite builds from the list: a row-value
      // `(parent_id, seq) NOT IN (...)` compared every row with every kept key (43 s for a 1 000 000-event rebuild over
      // an old read model: 119 000 stale rows, 13 000 kept).
      "DELETE FROM document_rows WHERE collection = ? AND json_array(parent_id, seq) NOT IN (SELECT json_array(value ->> '$[0]', value ->> '$[1]') FROM json_each(?))",
    );
    const rowPage = (cursorSql: string, order: 'ASC' | 'DESC') =>
      db.prepare(
        `SELECT seq, value FROM document_rows WHERE collection = ? AND parent_id = ?${cursorSql} ORDER BY seq ${order} LIMIT ?`,
      ) as Database.Statement<unknown[], { seq: number; value: string }>;
    this.rowPages = {
      oldestFirst: rowPage('', 'ASC'),
      newestFirst: rowPage('', 'DESC'),
      after: rowPage(' AND seq > ?', 'ASC'),
      before: rowPage(' AND seq < ?', 'DESC'),
    };
    this.selectCheckpoint = db.prepare('SELECT position FROM projection_checkpoints WHERE projection = ?');
    this.upsertCheckpoint = db.prepare(
      'INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
    );
    this.deleteCheckpoint = db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?');
    this.insertProcessed = db.prepare('INSERT OR IGNORE INTO projection_processed_events (projection, event_id) VALUES (?, ?)');
    this.selectProcessed = db.prepare('SELECT 1 AS found FROM projection_processed_events WHERE projection = ? AND event_id = ?');
    this.deleteProcessed = db.prepare('DELETE FROM projection_processed_events WHERE projection = ?');
    this.commitInTransaction = db.transaction((batches: readonly ReadModelBatch[]) => this.writeCommit(batches, this.heldCheckpoints));
    this.resetInTransaction = db.transaction((projection: string, collections: string[]) => this.drop(projection, collections));
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const row = this.selectDocument.get(collection, id);
    return row && (JSON.parse(row.doc) as T);
  }

  async find<T extends Document>(collection: string, query: Query): Promise<Page<T>> {
    const filter = documentFilter(query.where, query.range);
    const limit = pageSize(query.limit);
    const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const statement = this.findStatement(filter.shape, filter.sql, afterId !== undefined);
    const params: unknown[] = [collection];
    if (afterId !== undefined) params.push(afterId);
    params.push(...filter.params, limit + 1);

    const rows = statement.all(...params);
    const items = rows.slice(0, limit).map((row) => JSON.parse(row.doc) as T);
    return rows.length > limit ? { items, nextCursor: encodeCursor(rows[limit - 1].id) } : { items };
  }

  async rows<T = Record<string, unknown>>(collection: string, parentId: string, query: RowQuery = {}): Promise<Page<Row<T>>> {
    const limit = pageSize(query.limit);
    const from = query.cursor === undefined ? undefined : decodeRowCursor(query.cursor);
    const rows =
      from === undefined
        ? this.rowPages[query.newestFirst ? 'newestFirst' : 'oldestFirst'].all(collection, parentId, limit + 1)
        : this.rowPages[query.newestFirst ? 'before' : 'after'].all(collection, parentId, from, limit + 1);
    const items = rows.slice(0, limit).map((row) => ({ seq: row.seq, value: JSON.parse(row.value) as T }));
    return rows.length > limit ? { items, nextCursor: encodeRowCursor(rows[limit - 1].seq) } : { items };
  }

  async commit(batch: ReadModelBatch): Promise<void> {
    await this.commitAll([batch]);
  }

  async commitAll(batches: readonly ReadModelBatch[]): Promise<void> {
    if (batches.every(changesNothing)) {
      for (const batch of batches) this.heldCheckpoints.set(batch.projection, batch.checkpoint);
      return;
    }
    const thread = this.writes.thread;
    if (!thread) return this.commitHere(batches);
    // A rebuild's batches are written here: posting thousands of documents to the thread would copy every one of them.
    if (batches.some((batch) => batch.resetsCollections || batch.rebuild)) return this.writes.inTurn(async () => this.commitHere(batches));
    return this.writes.inTurn(async () => {
      const held = new Map(this.heldCheckpoints);
      await this.writes.onThread(thread, () => this.writeCommit(batches, held));
      for (const [projection, position] of held) if (this.heldCheckpoints.get(projection) === position) this.heldCheckpoints.delete(projection);
    });
  }

  private commitHere(batches: readonly ReadModelBatch[]): void {
    this.commitInTransaction.immediate(batches); // writes the held checkpoints too
    this.heldCheckpoints.clear();
  }

  private run(statement: Database.Statement<unknown[]>, params: unknown[]): void {
    this.writes.run(statement, params);
  }

  async checkpoint(projection: string): Promise<number> {
    return this.heldCheckpoints.get(projection) ?? this.selectCheckpoint.get(projection)?.position ?? 0;
  }

  async flush(): Promise<void> {} // every change is written by its commit

  async wasProcessed(projection: string, eventId: string): Promise<boolean> {
    return this.selectProcessed.get(projection, eventId) !== undefined;
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    if (!this.writes.thread) return void this.resetInTransaction.immediate(projection, collections);
    return this.writes.inTurn(async () => void this.resetInTransaction.immediate(projection, collections));
  }

  async close(): Promise<void> {
    await this.writes.stop();
    if (this.heldCheckpoints.size > 0 && this.db.open) {
      this.db.transaction(() => this.writeHeldCheckpoints()).immediate();
      this.heldCheckpoints.clear();
    }
    if (this.ownsDatabase && this.db.open) this.db.close();
  }

  private writeCommit(batches: readonly ReadModelBatch[], heldCheckpoints: ReadonlyMap<string, number>): void {
    for (const batch of batches) this.writeChanges(batch);
    for (const [projection, position] of heldCheckpoints) this.run(this.upsertCheckpoint, [projection, position]);
    // After the held ones, in order: a batch is newer than what was held, and a later batch than an earlier one.
    for (const batch of batches) this.run(this.upsertCheckpoint, [batch.projection, batch.checkpoint]);
  }

  /** Puts before deletes: the unit of work keeps at most one pending change per document. */
  private writeChanges(batch: ReadModelBatch): void {
    this.writeDocuments(batch.puts);
    for (const { collection, id } of batch.deletes) this.run(this.deleteDocument, [collection, id]);
    this.writeRows(batch.rows ?? []);
    if (batch.resetsCollections) this.keepOnlyPuts(batch, batch.resetsCollections);
    for (const eventId of batch.processedEventIds ?? []) this.run(this.insertProcessed, [batch.projection, eventId]);
  }

  /** In id order (neighbouring ids share b-tree pages), ROWS_PER_STATEMENT per statement. */
  private writeDocuments(puts: ReadModelBatch['puts']): void {
    const sorted = puts.length > 1 ? [...puts].sort(byCollectionAndId) : puts;
    for (let start = 0; start < sorted.length; start += ROWS_PER_STATEMENT) {
      const end = Math.min(start + ROWS_PER_STATEMENT, sorted.length);
      const params: unknown[] = [];
      for (let i = start; i < end; i++) {
        const { collection, doc, json } = sorted[i];
        if (typeof doc.id !== 'string') throw new TypeError(`a ${collection} document has no string id`);
        params.push(collection, doc.id, json ?? JSON.stringify(doc));
      }
      this.run(this.upsertDocuments(end - start), params);
    }
  }

  /** In key order, like documents (a batch's rows may belong to thousands of parents), ROWS_PER_STATEMENT per statement. */
  private writeRows(puts: readonly RowPut[]): void {
    const rows = puts.length > 1 ? [...puts].sort(byCollectionParentAndSeq) : puts;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const end = Math.min(start + ROWS_PER_STATEMENT, rows.length);
      const params: unknown[] = [];
      for (let i = start; i < end; i++) {
        const { collection, parentId, seq, value } = rows[i];
        if (!Number.isSafeInteger(seq)) throw new TypeError(`a ${collection} row has no integer seq`);
        params.push(collection, parentId, seq, JSON.stringify(value));
      }
      this.run(this.upsertRows(end - start), params);
    }
  }

  /** In the caller's transaction; forgotten once it commits (a failed transaction leaves them held). */
  private writeHeldCheckpoints(): void {
    for (const [projection, position] of this.heldCheckpoints) this.upsertCheckpoint.run(projection, position);
  }

  /**
   * A reset batch, applied as its end state: the collections hold only what the batch put, and the projection's
   * old processed ids are gone. Rather than deleting every document and inserting them again, documents put again
   * are overwritten in place (no index entry moves, and SQLite leaves a page alone when a row is rewritten
   * unchanged); only the documents the batch did not put are deleted.
   */
  private keepOnlyPuts(batch: ReadModelBatch, collections: string[]): void {
    for (const collection of collections) {
      this.keepOnlyRowsPut(batch, collection);
      const kept = batch.puts.filter((put) => put.collection === collection).map((put) => put.doc.id);
      const stale = (this.countDocuments.get(collection)?.count ?? 0) - kept.length;
      if (stale > 0) this.deleteAllBut.run(collection, JSON.stringify(kept));
    }
    this.deleteProcessed.run(batch.projection);
  }

  /** Like documents: rows put again were overwritten in place, so only those the batch did not put are deleted. */
  private keepOnlyRowsPut(batch: ReadModelBatch, collection: string): void {
    const kept = new Map<string, [string, number]>();
    for (const row of batch.rows ?? [])
      if (row.collection === collection) kept.set(`${row.seq}\u0000${row.parentId}`, [row.parentId, row.seq]);
    const stale = (this.countRows.get(collection)?.count ?? 0) - kept.size;
    if (stale > 0) this.deleteRowsAllBut.run(collection, JSON.stringify([...kept.values()]));
  }

  private drop(projection: string, collections: string[]): void {
    this.heldCheckpoints.delete(projection); // no rollback to undo this: a failed reset just replays what changed nothing
    for (const collection of collections) {
      this.deleteCollection.run(collection);
      this.deleteRows.run(collection);
    }
    this.deleteProcessed.run(projection);
    this.deleteCheckpoint.run(projection);
  }

  private findStatement(
    shape: string,
    filterSql: string,
    afterCursor: boolean,
  ): Database.Statement<unknown[], { id: string; doc: string }> {
    const key = `${afterCursor ? 'after' : 'first'}|${shape}`;
    let statement = this.findStatements.get(key);
    if (!statement) {
      const cursorSql = afterCursor ? ' AND id > ?' : '';
      statement = this.db.prepare(
        `SELECT id, doc FROM documents WHERE collection = ?${cursorSql}${filterSql} ORDER BY id LIMIT ?`,
      ) as Database.Statement<unknown[], { id: string; doc: string }>;
      if (this.findStatements.size >= MAX_CACHED_QUERY_SHAPES) this.findStatements.clear();
      this.findStatements.set(key, statement);
    }
    return statement;
  }
}
