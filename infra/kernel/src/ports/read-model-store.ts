/** A stored read-model document: plain JSON with an id. */
export type Document = { id: string } & Record<string, unknown>;

/**
 * Documents whose top-level string field (or `id`) lies in [from, before), compared as strings in the order ids sort
 * in. A document whose field is missing or not a string is in no range. Made for ids and fields that start with a
 * sortable key such as an ISO-8601 UTC time written alike everywhere; a range on `id` is served by the id index.
 */
export interface Range {
  field: string;
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  before?: string;
}

/** Equality filters on top-level fields, an optional range, a page size and an opaque cursor; results ordered by id. */
export interface Query {
  where?: Record<string, string | number | boolean | null>;
  range?: Range;
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * One row of an append-only list that belongs to a parent (an order's notes, its timeline entries), kept apart from
 * the parent's document so that adding one writes one small row instead of rewriting the whole list. `seq` orders the
 * rows of a parent and is their key: a projection derives it from the event (a log position, a number the event
 * carries), so replaying the event writes the same row again instead of adding a second one.
 */
export interface Row<T = Record<string, unknown>> {
  seq: number;
  value: T;
}

/** A page of a parent's rows, oldest (lowest `seq`) first unless `newestFirst`; the cursor continues in that direction. */
export interface RowQuery {
  limit?: number;
  cursor?: string;
  newestFirst?: boolean;
}

/** A row written by a batch: put under (collection, parentId, seq), replacing a row already there. */
export interface RowPut {
  collection: string;
  parentId: string;
  seq: number;
  value: Record<string, unknown>;
}

/**
 * What a batch of projected events changes, committed atomically together with the projection's
 * checkpoint and the ids of the events it processed (so no effect is ever applied twice).
 */
export interface ReadModelBatch {
  projection: string;
  checkpoint: number;
  /**
   * A rebuild's first batch: these collections (their documents and their rows), the projection's processed ids and
   * its checkpoint are dropped in the same transaction, just before the batch's changes. Until then, readers still
   * see the previous read model.
   */
  resetsCollections?: string[];
  /**
   * One of a rebuild's batches (every one of them, the first included): large (thousands of documents), and written
   * once by a rebuild that waits for it. A store that holds batches back or hands them to another thread writes it
   * at once, where it is: holding it would keep a copy of every document in memory for nothing.
   */
  rebuild?: boolean;
  /**
   * `json`, when given, is `doc` already serialised: a store that keeps JSON may write it instead of serialising `doc`.
   * `shared`: the committer never changes `doc` or anything in it afterwards, and it is plain JSON data (equal to its
   * JSON round trip): a store that keeps documents in memory may keep this object instead of a copy.
   */
  puts: { collection: string; doc: Document; json?: string; shared?: boolean }[];
  deletes: { collection: string; id: string }[];
  rows?: RowPut[];
  processedEventIds?: string[];
}

/**
 * A store may hold back a batch that changes nothing (no puts, deletes, rows, processed ids or reset) and make its
 * checkpoint durable with a later commit or on close; `checkpoint` answers it at once. Losing it in a crash only means
 * replaying events that changed nothing, which change nothing again (projections are deterministic).
 */
export interface ReadOptions {
  readOnly?: boolean;
}

export interface ReadModelStore {
  /**
   * A copy of the document: the caller may change it (a rebuild changes its documents in place). With `readOnly` the
   * caller changes neither the document nor anything in it, so a store may answer with an object it keeps.
   */
  get<T extends Document>(collection: string, id: string, options?: ReadOptions): Promise<T | undefined>;
  find<T extends Document>(collection: string, query: Query): Promise<Page<T>>;
  /** A page of a parent's rows (same page sizes as `find`); an unknown parent has none. */
  rows<T = Record<string, unknown>>(collection: string, parentId: string, query?: RowQuery): Promise<Page<Row<T>>>;
  commit(batch: ReadModelBatch): Promise<void>;
  /**
   * Several batches (of one or more projections) as one: all of them or none, applied in order. A store that cannot
   * commit them atomically must commit each batch's changes with its own checkpoint, so that a failure part-way leaves
   * every projection consistent with its checkpoint.
   */
  commitAll(batches: readonly ReadModelBatch[]): Promise<void>;
  checkpoint(projection: string): Promise<number>;
  /**
   * Writes what a store holds back in memory (see WriteBehindReadModelStore); resolves at once for a store that writes
   * every change as it is committed (checkpoints of batches that changed nothing may stay held, as above).
   */
  flush(): Promise<void>;
  /** True when this consumer already processed that event. */
  wasProcessed(projection: string, eventId: string): Promise<boolean>;
  /** Drops the collections' documents and rows, processed ids and checkpoint of a projection (before a rebuild). */
  reset(projection: string, collections: string[]): Promise<void>;
  close(): Promise<void>;
}
