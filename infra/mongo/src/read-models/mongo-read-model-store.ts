import type { Document, Page, Query, ReadModelBatch, ReadModelStore, Row, RowQuery } from '@aftersales/kernel';
import { MongoClient, type Db, type IndexSpecification } from 'mongodb';
import { BatchJournal } from './batch-journal';
import {
  decodeCursor,
  decodeRowCursor,
  documentFilter,
  encodeCursor,
  encodeRowCursor,
  indexFor,
  pageSize,
  type StoredDocument,
  type StoredRow,
} from './document-query';
import { applyOps, CHECKPOINTS, documentsOf, PROCESSED, processedKey, rowsOf, writeOpsOf, type WriteOp } from './write-ops';

export interface MongoReadModelStoreOptions {
  /** A connection string (the store opens and closes its own client), or a client its owner closes. */
  url?: string;
  client?: MongoClient;
  /** One database per process: a store assumes it is the only writer of its database. */
  database: string;
  /**
   * `auto` (default): a commit is one multi-document transaction where the server has them (a replica set or sharded
   * cluster), else it goes through the journal (see BatchJournal). `journal`: always the journal.
   */
  transactions?: 'auto' | 'journal';
}

/** Filter indexes made per collection at most: MongoDB allows 64 indexes on a collection. */
const MAX_QUERY_INDEXES = 24;

interface CheckpointRecord {
  _id: string;
  position: number;
}

const changesNothing = (batch: ReadModelBatch): boolean =>
  batch.puts.length === 0 &&
  batch.deletes.length === 0 &&
  (batch.rows?.length ?? 0) === 0 &&
  (batch.processedEventIds?.length ?? 0) === 0 &&
  batch.resetsCollections === undefined;

/**
 * Read models on any server that speaks the MongoDB wire protocol (MongoDB, FerretDB), with the `mongodb` driver. A
 * read-model collection is a MongoDB collection `docs.<name>` of `{_id, j: the JSON, f: filterable fields}`; a parent's
 * rows are `rows.<name>`; checkpoints and processed event ids have a collection each. A commit is all-or-nothing: in a
 * transaction where the server has them, else through a redo journal, so a crash never leaves a projection's documents
 * ahead of or behind its checkpoint once the store is opened again.
 */
export class MongoReadModelStore implements ReadModelStore {
  private readonly client: MongoClient;
  private readonly ownsClient: boolean;
  private readonly db: Db;
  private readonly journal: BatchJournal;
  private readonly heldCheckpoints = new Map<string, number>();
  private readonly indexes = new Map<string, Promise<void>>();
  private readonly indexCounts = new Map<string, number>();
  private opening: Promise<{ transactions: boolean }> | undefined;
  /** Commits, resets and the close run one after another. */
  private turn: Promise<unknown> = Promise.resolve();
  /** A commit recorded in the journal whose writes failed part-way: finished before anything else reads or writes. */
  private unfinished = false;

  constructor(private readonly options: MongoReadModelStoreOptions) {
    if (!options.client && !options.url) throw new Error('MongoReadModelStore needs a url or a client');
    this.client = options.client ?? new MongoClient(options.url!, { ignoreUndefined: true });
    this.ownsClient = !options.client;
    this.db = this.client.db(options.database);
    this.journal = new BatchJournal(this.db);
  }

  /** Connects, learns whether the server has transactions, makes the fixed indexes and finishes an interrupted commit. */
  private open(): Promise<{ transactions: boolean }> {
    this.opening ??= (async () => {
      const hello = await this.db.admin().command({ hello: 1 });
      const transactions =
        this.options.transactions !== 'journal' && (typeof hello.setName === 'string' || hello.msg === 'isdbgrid') && hello.logicalSessionTimeoutMinutes != null;
      await this.db.collection(PROCESSED).createIndex({ p: 1 });
      await this.journal.recover();
      return { transactions };
    })().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  /** For readers: an unfinished commit is finished in turn, never beside a commit that follows it. */
  private async ready(): Promise<{ transactions: boolean }> {
    const server = await this.open();
    if (this.unfinished) await this.inTurn(() => this.finishUnfinished());
    return server;
  }

  /** In turn only. */
  private async finishUnfinished(): Promise<void> {
    if (!this.unfinished) return;
    await this.journal.recover();
    this.unfinished = false;
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    await this.ready();
    const stored = await this.db.collection<StoredDocument>(documentsOf(collection)).findOne({ _id: id }, { projection: { j: 1 } });
    return stored ? (JSON.parse(stored.j) as T) : undefined;
  }

  async find<T extends Document>(collection: string, query: Query): Promise<Page<T>> {
    const limit = pageSize(query.limit);
    const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const filter = documentFilter(query, afterId);
    await this.ready();
    await this.ensureIndex(documentsOf(collection), indexFor(query));
    const found = await this.db
      .collection<StoredDocument>(documentsOf(collection))
      .find(filter, { projection: { j: 1 } })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .toArray();
    const items = found.slice(0, limit).map((stored) => JSON.parse(stored.j) as T);
    return found.length > limit ? { items, nextCursor: encodeCursor(found[limit - 1]._id) } : { items };
  }

  async rows<T = Record<string, unknown>>(collection: string, parentId: string, query: RowQuery = {}): Promise<Page<Row<T>>> {
    const limit = pageSize(query.limit);
    const from = query.cursor === undefined ? undefined : decodeRowCursor(query.cursor);
    await this.ready();
    await this.ensureIndex(rowsOf(collection), { p: 1, s: 1 });
    const seq = from === undefined ? {} : { s: query.newestFirst ? { $lt: from } : { $gt: from } };
    const found = await this.db
      .collection<StoredRow>(rowsOf(collection))
      .find({ p: parentId, ...seq }, { projection: { s: 1, v: 1 } })
      .sort({ s: query.newestFirst ? -1 : 1 })
      .limit(limit + 1)
      .toArray();
    const items = found.slice(0, limit).map((row) => ({ seq: row.s, value: JSON.parse(row.v) as T }));
    return found.length > limit ? { items, nextCursor: encodeRowCursor(found[limit - 1].s) } : { items };
  }

  async commit(batch: ReadModelBatch): Promise<void> {
    await this.commitAll([batch]);
  }

  async commitAll(batches: readonly ReadModelBatch[]): Promise<void> {
    if (batches.every(changesNothing)) {
      for (const batch of batches) this.heldCheckpoints.set(batch.projection, batch.checkpoint);
      return;
    }
    const held = new Map(this.heldCheckpoints);
    const ops = writeOpsOf(batches, held); // throws for a batch that cannot be stored, before anything is written
    await this.inTurn(() => this.write(ops));
    for (const [projection, position] of held) if (this.heldCheckpoints.get(projection) === position) this.heldCheckpoints.delete(projection);
  }

  async checkpoint(projection: string): Promise<number> {
    const held = this.heldCheckpoints.get(projection);
    if (held !== undefined) return held;
    await this.ready();
    return (await this.db.collection<CheckpointRecord>(CHECKPOINTS).findOne({ _id: projection }))?.position ?? 0;
  }

  async flush(): Promise<void> {} // every change is written by its commit

  async wasProcessed(projection: string, eventId: string): Promise<boolean> {
    await this.ready();
    return (await this.db.collection<{ _id: string }>(PROCESSED).findOne({ _id: processedKey(projection, eventId) }, { projection: { _id: 1 } })) !== null;
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    this.heldCheckpoints.delete(projection);
    const ops: WriteOp[] = [
      ...collections.flatMap((c): WriteOp[] => [
        { k: 'dropDocuments', c },
        { k: 'dropRows', c },
      ]),
      { k: 'dropProcessed', p: projection },
      { k: 'dropCheckpoint', p: projection },
    ];
    await this.inTurn(() => this.write(ops));
  }

  async close(): Promise<void> {
    await this.inTurn(async () => {
      if (this.heldCheckpoints.size > 0) {
        // Each is one document written as a whole: no journal needed.
        await this.open();
        await this.finishUnfinished();
        await applyOps(this.db, [...this.heldCheckpoints].map(([p, pos]): WriteOp => ({ k: 'checkpoint', p, pos })));
        this.heldCheckpoints.clear();
      }
    });
    if (this.ownsClient) await this.client.close();
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** In turn only. */
  private async write(ops: readonly WriteOp[]): Promise<void> {
    const { transactions } = await this.open();
    await this.finishUnfinished();
    if (transactions) {
      const session = this.client.startSession();
      try {
        await session.withTransaction(() => applyOps(this.db, ops, session));
      } finally {
        await session.endSession();
      }
      return;
    }
    const commit = await this.journal.record(ops);
    try {
      await this.journal.apply(commit, ops);
    } catch (error) {
      this.unfinished = true; // committed: the next read or write finishes it
      throw error;
    }
  }

  /** Makes the index a query shape needs the first time it is seen (a few per collection: projections query alike). */
  private async ensureIndex(collection: string, spec: IndexSpecification | undefined): Promise<void> {
    if (!spec) return;
    const key = `${collection}|${JSON.stringify(spec)}`;
    let made = this.indexes.get(key);
    if (!made) {
      const count = this.indexCounts.get(collection) ?? 0;
      if (count >= MAX_QUERY_INDEXES) return;
      this.indexCounts.set(collection, count + 1);
      made = this.db
        .collection(collection)
        .createIndex(spec)
        .then(
          () => undefined,
          () => undefined, // a query without its index is slower, not wrong
        );
      this.indexes.set(key, made);
    }
    await made;
  }
}
