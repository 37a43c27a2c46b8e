import type { Document, Page, Query, ReadModelBatch, ReadModelStore, ReadOptions, Row, RowPut, RowQuery } from '../ports/read-model-store';
import { jsonCopy } from '../support/json-copy';

export interface WriteBehindOptions {
  /** Longest a committed batch waits in memory before it is written (default 1 000 ms). */
  maxDelayMs?: number;
  /** Pending documents and rows that make the next commit write at once (default 8 000). */
  maxPending?: number;
  /** Told when a flush started by the timer fails (it is retried by the next commit or flush). */
  onFlushError?: (error: unknown) => void;
  /**
   * Hold batches with processed ids too (default false: they are written at once). Only for consumers whose offsets
   * are committed after `flush()` (the embedded log bus does that): a crash then loses the effect and the offset
   * together, and the event is delivered again.
   */
  holdProcessedIds?: boolean;
}

/**
 * A held document: the store's own copy, taken as it is committed (what JSON would keep of it), and read as a copy of
 * that, so nothing a caller does to its object afterwards changes what is read or written. A `shared` put is held as it
 * is and a `readOnly` read answered with the held object: their callers change nothing. A document is serialised only
 * when it is written: one changed by every note of a second is written once, not serialised once per note.
 */
type HeldDocument = Document;

/** What one projection has committed and not yet written (a document null: deleted). */
interface PendingProjection {
  checkpoint: number;
  documents: Map<string, Map<string, HeldDocument | null>>;
  /** Per collection, per parent, per seq; rows are never read from here (a row page writes what is held first). */
  rows: Map<string, Map<string, Map<number, Record<string, unknown>>>>;
  processedEventIds: Set<string>;
}

/**
 * Live projections commit a batch per wake-up, a few events each under load; written one by one, every batch rewrites
 * the same b-tree pages (an order's document, the last page of its notes, the checkpoints) into the WAL. This store
 * keeps committed batches in memory, answers reads from them, and writes them to the store it wraps together, in one
 * `commitAll`, at most `maxDelayMs` later, or as soon as `maxPending` documents and rows wait.
 *
 * Why a crash loses nothing: each projection's checkpoint waits with its documents and is written with them, so after
 * a crash a projection resumes from its last written checkpoint and projects the lost batches again. Batches with
 * processed ids (bus consumers, whose offsets live in the bus), resets and a rebuild's batches are written through at
 * once, after what waits. (Held, a rebuild's batches of 20 000 documents were serialised, parsed back and posted to the
 * writer thread: a 1 000 000-event rebuild of `orders` peaked at 322–370 MB RSS and took 22–32 µs of CPU per event
 * through this store, 208–212 MB and 14–19 µs written through.) Queries
 * (`find`) and row pages over pending rows write what waits first, so they see every committed batch.
 */
export class WriteBehindReadModelStore implements ReadModelStore {
  private pending = new Map<string, PendingProjection>();
  /** Being written: still answered from memory until the store has it. */
  private flushing = new Map<string, PendingProjection>();
  private pendingCount = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly maxDelayMs: number;
  private readonly maxPending: number;
  /** A batch that must reach the store before `commit` returns: a reset, or a consumer's whose offset is kept elsewhere. */
  private readonly mustWriteThrough: (batch: ReadModelBatch) => boolean;

  constructor(
    private readonly store: ReadModelStore,
    private readonly options: WriteBehindOptions = {},
  ) {
    this.maxDelayMs = options.maxDelayMs ?? 1_000;
    this.maxPending = options.maxPending ?? 8_000;
    this.mustWriteThrough = (batch) =>
      batch.resetsCollections !== undefined ||
      batch.rebuild === true ||
      (!options.holdProcessedIds && (batch.processedEventIds?.length ?? 0) > 0);
  }

  async get<T extends Document>(collection: string, id: string, options?: ReadOptions): Promise<T | undefined> {
    for (const waiting of [this.pending, this.flushing]) {
      for (const projection of waiting.values()) {
        const held = projection.documents.get(collection)?.get(id);
        if (held === null) return undefined;
        if (held !== undefined) return (options?.readOnly ? held : jsonCopy(held)) as T;
      }
    }
    return this.store.get<T>(collection, id, options);
  }

  async find<T extends Document>(collection: string, query: Query): Promise<Page<T>> {
    if (this.holds((held) => held.documents.has(collection))) await this.flush();
    return this.store.find<T>(collection, query);
  }

  async rows<T = Record<string, unknown>>(collection: string, parentId: string, query?: RowQuery): Promise<Page<Row<T>>> {
    if (this.holds((held) => held.rows.get(collection)?.has(parentId) === true)) await this.flush();
    return this.store.rows<T>(collection, parentId, query);
  }

  async commit(batch: ReadModelBatch): Promise<void> {
    if (this.mustWriteThrough(batch)) return this.write([batch], () => [batch.projection]);
    this.hold([batch]);
    return this.afterHolding();
  }

  async commitAll(batches: readonly ReadModelBatch[]): Promise<void> {
    if (batches.some(this.mustWriteThrough)) return this.write(batches);
    this.hold(batches);
    return this.afterHolding();
  }

  async checkpoint(projection: string): Promise<number> {
    return this.pending.get(projection)?.checkpoint ?? this.flushing.get(projection)?.checkpoint ?? this.store.checkpoint(projection);
  }

  async wasProcessed(projection: string, eventId: string): Promise<boolean> {
    if (this.pending.get(projection)?.processedEventIds.has(eventId) || this.flushing.get(projection)?.processedEventIds.has(eventId)) return true;
    return this.store.wasProcessed(projection, eventId);
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    await this.flush();
    await this.store.reset(projection, collections);
  }

  /** Writes every held batch to the store in one `commitAll`. */
  flush(): Promise<void> {
    return this.write([]);
  }

  /**
   * Writes only the held batches that record processed ids (consumers' effects): what a bus must make durable before
   * it commits a consumer's position. Projections fed by the log keep waiting.
   */
  flushConsumerEffects(): Promise<void> {
    return this.write([], () => [...this.pending].filter(([, held]) => held.processedEventIds.size > 0).map(([name]) => name));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.store.close();
  }

  /**
   * Writes the held batches (every projection's, or only those `onlyProjections` names when the write's turn comes) and
   * `alsoWrite` after them to the store. Writes run one at a time; a failed one is held again, under anything
   * committed since.
   */
  private write(alsoWrite: readonly ReadModelBatch[], onlyProjections?: () => readonly string[]): Promise<void> {
    const run = this.writing.then(() => (onlyProjections === undefined ? this.writePending(alsoWrite) : this.writeProjections(onlyProjections(), alsoWrite)));
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes what is held in transactions of about CHUNK_ENTRIES documents and rows, each projection's batch whole in one
   * of them (with its checkpoint), yielding to the event loop between them: a flush of two seconds of notes never
   * stalls the requests being served for long. `alsoWrite` goes last, in one transaction.
   */
  private async writePending(alsoWrite: readonly ReadModelBatch[]): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0 && alsoWrite.length === 0) return;
    this.flushing = this.pending;
    this.pending = new Map();
    this.pendingCount = 0;
    const chunks = chunked([...this.flushing]);
    try {
      for (let i = 0; i < chunks.length; i++) {
        const last = i === chunks.length - 1;
        await this.store.commitAll([...chunks[i].map(([name, held]) => toBatch(name, held)), ...(last ? alsoWrite : [])]);
        for (const [name] of chunks[i]) if (!last) this.flushing.delete(name);
        if (!last) await new Promise((resolve) => setImmediate(resolve));
      }
      if (chunks.length === 0 && alsoWrite.length > 0) await this.store.commitAll(alsoWrite);
    } catch (error) {
      this.holdAgain(this.flushing);
      throw error;
    } finally {
      this.flushing = new Map();
    }
  }

  /** A write-through batch goes after its own projection's held batches only: other projections keep waiting. */
  /** Writes only these projections' held batches, and `alsoWrite` after them, in one `commitAll`. */
  private async writeProjections(names: readonly string[], alsoWrite: readonly ReadModelBatch[]): Promise<void> {
    const selected = new Map<string, PendingProjection>();
    for (const name of names) {
      const held = this.pending.get(name);
      if (!held) continue;
      this.pending.delete(name);
      this.pendingCount -= countOf(held);
      selected.set(name, held);
    }
    if (selected.size === 0 && alsoWrite.length === 0) return;
    this.flushing = selected;
    try {
      await this.store.commitAll([...[...selected].map(([name, held]) => toBatch(name, held)), ...alsoWrite]);
    } catch (error) {
      this.holdAgain(this.flushing);
      throw error;
    } finally {
      this.flushing = new Map();
    }
  }

  private afterHolding(): Promise<void> | undefined {
    if (this.pendingCount >= this.maxPending) return this.flush();
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch((error: unknown) => this.options.onFlushError?.(error)), this.maxDelayMs);
      this.timer.unref?.(); // close() writes what waits; an idle timer must not keep a process alive
    }
    return undefined;
  }

  /** True when a held or flushing batch passes `test`. */
  private holds(test: (held: PendingProjection) => boolean): boolean {
    for (const waiting of [this.pending, this.flushing]) for (const held of waiting.values()) if (test(held)) return true;
    return false;
  }

  /** All or nothing, like a transaction: a document that cannot be serialised or a row without an integer seq holds nothing. */
  private hold(batches: readonly ReadModelBatch[]): void {
    const copies = batches.map((batch) => {
      for (const { collection, seq } of batch.rows ?? []) if (!Number.isSafeInteger(seq)) throw new TypeError(`a ${collection} row has no integer seq`);
      return batch.puts.map(({ doc, json, shared }) => (shared ? doc : json === undefined ? jsonCopy(doc) : (JSON.parse(json) as Document)));
    });
    batches.forEach((batch, i) => this.holdCopies(batch, copies[i]));
  }

  private holdCopies(batch: ReadModelBatch, copies: Document[]): void {
    let held = this.pending.get(batch.projection);
    if (!held) this.pending.set(batch.projection, (held = { checkpoint: batch.checkpoint, documents: new Map(), rows: new Map(), processedEventIds: new Set() }));
    held.checkpoint = batch.checkpoint;
    batch.puts.forEach(({ collection, doc }, i) => this.holdDocument(held, collection, doc.id, copies[i]));
    for (const { collection, id } of batch.deletes) this.holdDocument(held, collection, id, null);
    for (const row of batch.rows ?? []) this.holdRow(held, row);
    const processedBefore = held.processedEventIds.size;
    for (const eventId of batch.processedEventIds ?? []) held.processedEventIds.add(eventId);
    this.pendingCount += held.processedEventIds.size - processedBefore;
  }

  private holdDocument(held: PendingProjection, collection: string, id: string, document: HeldDocument | null): void {
    let documents = held.documents.get(collection);
    if (!documents) held.documents.set(collection, (documents = new Map()));
    const before = documents.size;
    documents.set(id, document);
    this.pendingCount += documents.size - before;
  }

  private holdRow(held: PendingProjection, { collection, parentId, seq, value }: RowPut): void {
    let parents = held.rows.get(collection);
    if (!parents) held.rows.set(collection, (parents = new Map()));
    let rows = parents.get(parentId);
    if (!rows) parents.set(parentId, (rows = new Map()));
    const before = rows.size;
    rows.set(seq, value);
    this.pendingCount += rows.size - before;
  }

  /** A failed flush's batches, under what was committed since (which is newer). */
  private holdAgain(failed: Map<string, PendingProjection>): void {
    const newer = this.pending;
    this.pending = new Map();
    this.pendingCount = 0;
    for (const [name, held] of [...failed, ...newer]) this.hold([toBatch(name, held)]);
  }
}

/** Documents and rows per transaction of a flush, about (a projection's batch is never split). */
const CHUNK_ENTRIES = 2_000;

function chunked(projections: [string, PendingProjection][]): [string, PendingProjection][][] {
  const chunks: [string, PendingProjection][][] = [];
  let size = Infinity;
  for (const entry of projections) {
    const count = countOf(entry[1]);
    if (size + count > CHUNK_ENTRIES) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1].push(entry);
    size += count;
  }
  return chunks;
}

function countOf(held: PendingProjection): number {
  let count = 0;
  for (const documents of held.documents.values()) count += documents.size;
  for (const parents of held.rows.values()) for (const rows of parents.values()) count += rows.size;
  return count + held.processedEventIds.size;
}

function toBatch(projection: string, held: PendingProjection): ReadModelBatch {
  const batch: ReadModelBatch = { projection, checkpoint: held.checkpoint, puts: [], deletes: [] };
  for (const [collection, documents] of held.documents) {
    for (const [id, document] of documents) {
      if (document === null) batch.deletes.push({ collection, id });
      else batch.puts.push({ collection, doc: document }); // the store's own copy: no one else has it to change
    }
  }
  const rows: RowPut[] = [];
  for (const [collection, parents] of held.rows)
    for (const [parentId, bySeq] of parents) for (const [seq, value] of bySeq) rows.push({ collection, parentId, seq, value });
  if (rows.length > 0) batch.rows = rows;
  if (held.processedEventIds.size > 0) batch.processedEventIds = [...held.processedEventIds];
  return batch;
}
