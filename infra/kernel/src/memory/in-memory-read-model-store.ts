import { invalid } from '../errors';
import type { Document, Page, Query, Range, ReadModelBatch, ReadModelStore, Row, RowQuery } from '../ports/read-model-store';

/** The same page sizes and cursors as the SQLite adapter, so a test against memory pages like production. */
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

const pageSize = (limit: number | undefined): number =>
  limit === undefined || !Number.isFinite(limit) ? DEFAULT_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));

const encodeCursor = (lastId: string): string => Buffer.from(lastId, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const id = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
  if (id === undefined || encodeCursor(id) !== cursor) throw invalid('the cursor is not one this API issued', [{ field: 'cursor', message: 'unknown cursor' }]);
  return id;
}

/** A row cursor is the `seq` of the page's last row, in the same encoding as the SQLite adapter's. */
function decodeRowCursor(cursor: string): number {
  const seq = Number(decodeCursor(cursor));
  if (!Number.isSafeInteger(seq)) throw invalid('the cursor is not one this API issued', [{ field: 'cursor', message: 'unknown cursor' }]);
  return seq;
}

function inRange(doc: Document, { field, from, before }: Range): boolean {
  const value = doc[field];
  return typeof value === 'string' && (from === undefined || value >= from) && (before === undefined || value < before);
}

/** Read models in memory, for unit tests of projections and queries. */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Map<string, Document>>();
  /** Per collection, then per parent, the rows by seq. */
  private readonly rowLists = new Map<string, Map<string, Map<number, Record<string, unknown>>>>();
  private readonly checkpoints = new Map<string, number>();
  private readonly processed = new Set<string>();

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const doc = this.collections.get(collection)?.get(id);
    return doc ? (structuredClone(doc) as T) : undefined;
  }

  async find<T extends Document>(collection: string, query: Query): Promise<Page<T>> {
    const limit = pageSize(query.limit);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const matches = [...(this.collections.get(collection)?.values() ?? [])]
      .filter((doc) => Object.entries(query.where ?? {}).every(([field, value]) => (value === null ? doc[field] == null : doc[field] === value)))
      .filter((doc) => query.range === undefined || inRange(doc, query.range))
      .filter((doc) => after === undefined || doc.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const items = matches.slice(0, limit).map((d) => structuredClone(d) as T);
    return matches.length > limit ? { items, nextCursor: encodeCursor(items[items.length - 1].id) } : { items };
  }

  async rows<T = Record<string, unknown>>(collection: string, parentId: string, query: RowQuery = {}): Promise<Page<Row<T>>> {
    const limit = pageSize(query.limit);
    const after = query.cursor === undefined ? undefined : decodeRowCursor(query.cursor);
    const direction = query.newestFirst ? -1 : 1;
    const matches = [...(this.rowLists.get(collection)?.get(parentId) ?? [])]
      .filter(([seq]) => after === undefined || (seq - after) * direction > 0)
      .sort(([a], [b]) => (a - b) * direction);
    const items = matches.slice(0, limit).map(([seq, value]) => ({ seq, value: structuredClone(value) as T }));
    return matches.length > limit ? { items, nextCursor: encodeCursor(String(items[items.length - 1].seq)) } : { items };
  }

  async commit(batch: ReadModelBatch): Promise<void> {
    await this.commitAll([batch]);
  }

  async commitAll(batches: readonly ReadModelBatch[]): Promise<void> {
    // All or nothing, like a transaction: a document that could not be stored as JSON fails every batch before any change.
    for (const batch of batches) this.check(batch);
    for (const batch of batches) this.apply(batch);
  }

  private check(batch: ReadModelBatch): void {
    for (const { doc } of batch.puts) JSON.stringify(doc);
    for (const { collection, seq, value } of batch.rows ?? []) {
      if (!Number.isSafeInteger(seq)) throw new TypeError(`a ${collection} row has no integer seq`);
      JSON.stringify(value);
    }
  }

  private apply(batch: ReadModelBatch): void {
    if (batch.resetsCollections) this.resetNow(batch.projection, batch.resetsCollections);
    for (const { collection, doc } of batch.puts) this.collection(collection).set(doc.id, structuredClone(doc));
    for (const { collection, id } of batch.deletes) this.collection(collection).delete(id);
    for (const { collection, parentId, seq, value } of batch.rows ?? []) this.rowList(collection, parentId).set(seq, structuredClone(value));
    for (const id of batch.processedEventIds ?? []) this.processed.add(`${batch.projection}\u0000${id}`);
    this.checkpoints.set(batch.projection, batch.checkpoint);
  }

  async checkpoint(projection: string): Promise<number> {
    return this.checkpoints.get(projection) ?? 0;
  }

  async wasProcessed(projection: string, eventId: string): Promise<boolean> {
    return this.processed.has(`${projection}\u0000${eventId}`);
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    this.resetNow(projection, collections);
  }

  private resetNow(projection: string, collections: string[]): void {
    collections.forEach((c) => {
      this.collections.delete(c);
      this.rowLists.delete(c);
    });
    this.checkpoints.delete(projection);
    for (const key of [...this.processed]) if (key.startsWith(`${projection}\u0000`)) this.processed.delete(key);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}

  private rowList(collection: string, parentId: string): Map<number, Record<string, unknown>> {
    let parents = this.rowLists.get(collection);
    if (!parents) this.rowLists.set(collection, (parents = new Map()));
    let rows = parents.get(parentId);
    if (!rows) parents.set(parentId, (rows = new Map()));
    return rows;
  }

  private collection(name: string): Map<string, Document> {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new Map()));
    return collection;
  }
}
