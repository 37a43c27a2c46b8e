import type { ReadModelBatch, RowPut } from '@aftersales/kernel';
import type { AnyBulkWriteOperation, ClientSession, Db, Document as BsonDocument } from 'mongodb';
import { filterFieldsOf, type StoredDocument } from './document-query';

export const CHECKPOINTS = 'rm_checkpoints';
export const PROCESSED = 'rm_processed';
/**
 * A read-model collection name MongoDB takes after its prefix. Checked before a commit is recorded: a journal record
 * whose writes the server refuses would be retried for ever.
 */
const COLLECTION_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,100}$/;

function checkedCollection(collection: string): string {
  if (!COLLECTION_NAME.test(collection)) throw new TypeError(`"${collection}" is not a read-model collection name MongoDB takes`);
  return collection;
}

export const documentsOf = (collection: string): string => `docs.${checkedCollection(collection)}`;
export const rowsOf = (collection: string): string => `rows.${checkedCollection(collection)}`;
export const rowKey = (parentId: string, seq: number): string => JSON.stringify([parentId, seq]);
export const processedKey = (projection: string, eventId: string): string => JSON.stringify([projection, eventId]);

/**
 * One write of a commit, as its end state: applying it twice leaves what applying it once left. A commit is a list of
 * them, so a commit interrupted part-way is finished by applying its whole list again (see BatchJournal).
 */
export type WriteOp =
  | { k: 'put'; c: string; id: string; j: string; f: StoredDocument['f'] }
  /** A put into a collection the same commit emptied first (a rebuild's first batch): an insert, far cheaper than an upsert. */
  | { k: 'insert'; c: string; id: string; j: string; f: StoredDocument['f'] }
  | { k: 'insertRow'; c: string; p: string; s: number; v: string }
  | { k: 'delete'; c: string; id: string }
  | { k: 'row'; c: string; p: string; s: number; v: string }
  | { k: 'processed'; p: string; e: string }
  | { k: 'checkpoint'; p: string; pos: number }
  | { k: 'dropDocuments'; c: string }
  | { k: 'dropRows'; c: string }
  | { k: 'dropProcessed'; p: string }
  | { k: 'dropCheckpoint'; p: string };

/**
 * The writes of batches, in order, every document serialised and every row checked: a batch that cannot be stored
 * throws here, before anything is written. A reset batch first drops what it replaces. Checkpoints come last, after the
 * held ones (a batch is newer than what was held).
 */
export function writeOpsOf(batches: readonly ReadModelBatch[], heldCheckpoints: ReadonlyMap<string, number>): WriteOp[] {
  const ops: WriteOp[] = [];
  collectOps(batches, heldCheckpoints, ops);
  for (const op of ops) if ('c' in op) checkedCollection(op.c);
  return ops;
}

function collectOps(batches: readonly ReadModelBatch[], heldCheckpoints: ReadonlyMap<string, number>, ops: WriteOp[]): void {
  for (const batch of batches) {
    for (const collection of batch.resetsCollections ?? []) ops.push({ k: 'dropDocuments', c: collection }, { k: 'dropRows', c: collection });
    if (batch.resetsCollections) ops.push({ k: 'dropProcessed', p: batch.projection });
    const emptied = new Set(batch.resetsCollections ?? []);
    for (const { collection, doc, json } of lastPutPerDocument(batch.puts)) {
      if (typeof doc.id !== 'string') throw new TypeError(`a ${collection} document has no string id`);
      ops.push({ k: emptied.has(collection) ? 'insert' : 'put', c: collection, id: doc.id, j: json ?? JSON.stringify(doc), f: filterFieldsOf(doc) });
    }
    for (const { collection, id } of batch.deletes) ops.push({ k: 'delete', c: collection, id });
    for (const row of lastPutPerRow(batch.rows ?? [])) {
      const op = rowOp(row);
      ops.push(emptied.has(row.collection) ? { ...op, k: 'insertRow' } : op);
    }
    for (const eventId of batch.processedEventIds ?? []) ops.push({ k: 'processed', p: batch.projection, e: eventId });
  }
  for (const [projection, position] of heldCheckpoints) ops.push({ k: 'checkpoint', p: projection, pos: position });
  for (const batch of batches) ops.push({ k: 'checkpoint', p: batch.projection, pos: batch.checkpoint });
}

function rowOp({ collection, parentId, seq, value }: RowPut): Extract<WriteOp, { k: 'row' }> {
  if (!Number.isSafeInteger(seq)) throw new TypeError(`a ${collection} row has no integer seq`);
  return { k: 'row', c: collection, p: parentId, s: seq, v: JSON.stringify(value) };
}

/** A batch may put a document or a row twice: the later one wins, as with an upsert (inserts must not see both). */
function lastPutPerDocument(puts: ReadModelBatch['puts']): ReadModelBatch['puts'] {
  const last = new Map<string, ReadModelBatch['puts'][number]>();
  for (const put of puts) last.set(JSON.stringify([put.collection, put.doc.id]), put);
  return last.size === puts.length ? puts : [...last.values()];
}

function lastPutPerRow(rows: readonly RowPut[]): readonly RowPut[] {
  const last = new Map<string, RowPut>();
  for (const row of rows) last.set(JSON.stringify([row.collection, row.parentId, row.seq]), row);
  return last.size === rows.length ? rows : [...last.values()];
}

/** The collection an op writes to. */
function targetOf(op: WriteOp): string {
  switch (op.k) {
    case 'put':
    case 'insert':
    case 'delete':
    case 'dropDocuments':
      return documentsOf(op.c);
    case 'row':
    case 'insertRow':
    case 'dropRows':
      return rowsOf(op.c);
    case 'processed':
    case 'dropProcessed':
      return PROCESSED;
    case 'checkpoint':
    case 'dropCheckpoint':
      return CHECKPOINTS;
  }
}

/** Every collection the store writes keys its documents by a string `_id`. */
type Keyed = BsonDocument & { _id: string };

function bulkOpOf(op: WriteOp): AnyBulkWriteOperation<Keyed> {
  switch (op.k) {
    // $set of every field the store keeps is a replacement; FerretDB runs it several times faster than replaceOne
    case 'put':
      return { updateOne: { filter: { _id: op.id }, update: { $set: { j: op.j, f: op.f } }, upsert: true } };
    case 'insert':
      return { insertOne: { document: { _id: op.id, j: op.j, f: op.f } } };
    case 'delete':
      return { deleteOne: { filter: { _id: op.id } } };
    case 'row':
      return { updateOne: { filter: { _id: rowKey(op.p, op.s) }, update: { $set: { p: op.p, s: op.s, v: op.v } }, upsert: true } };
    case 'insertRow':
      return { insertOne: { document: { _id: rowKey(op.p, op.s), p: op.p, s: op.s, v: op.v } } };
    case 'processed':
      return { updateOne: { filter: { _id: processedKey(op.p, op.e) }, update: { $set: { p: op.p } }, upsert: true } };
    case 'checkpoint':
      return { updateOne: { filter: { _id: op.p }, update: { $set: { position: op.pos } }, upsert: true } };
    case 'dropDocuments':
    case 'dropRows':
      return { deleteMany: { filter: {} } };
    case 'dropProcessed':
      return { deleteMany: { filter: { p: op.p } } };
    case 'dropCheckpoint':
      return { deleteOne: { filter: { _id: op.p } } };
  }
}

/** Writes per bulk call: one round trip carries many, while a single command stays well under the 16 MB limit. */
const OPS_PER_BULK = 500;

/** Applies ops in order: runs of consecutive ops on one collection go in one ordered bulk write. */
export async function applyOps(db: Db, ops: readonly WriteOp[], session?: ClientSession): Promise<void> {
  let start = 0;
  while (start < ops.length) {
    const target = targetOf(ops[start]);
    let end = start + 1;
    while (end < ops.length && end - start < OPS_PER_BULK && targetOf(ops[end]) === target) end++;
    await db.collection<Keyed>(target).bulkWrite(ops.slice(start, end).map(bulkOpOf), { ordered: true, session });
    start = end;
  }
}
