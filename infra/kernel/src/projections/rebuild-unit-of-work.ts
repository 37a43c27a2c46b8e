import type { Document, ReadModelBatch, ReadModelStore, RowPut } from '../ports/read-model-store';
import type { UnitOfWork } from '../ports/projection';
import type { MaybePromise } from '../support/maybe-promise';
import { ROWS_PER_DOCUMENT } from './unit-of-work';
import { WrittenIds } from './written-ids';

export interface RebuildUnitOfWorkOptions {
  /** Collections rebuilt from empty; the first batch resets them in the store. */
  collections: readonly string[];
  /** Documents kept in memory across commits (least recently written dropped first at each batch). */
  cacheDocuments: number;
  /**
   * Ids written to the store and since dropped from the cache are remembered (in a Bloom filter of 10 bits per id
   * sized for this many, default 1 000 000), so a miss on an id never written is almost always answered without a
   * store read. Past this many, more misses ask the store.
   */
  rememberedIds?: number;
}

/** Per collection: a document in memory, and whether the next batch must write it. `null`: deleted. */
interface Entry {
  doc: Document | null;
  dirty: boolean;
}

/**
 * The unit of work of a rebuild, bounded in memory. Changed documents wait for the next batch; once committed they
 * stay cached (up to `cacheDocuments`, least recently written evicted first) so an order touched again after a commit
 * is neither read back nor parsed again. Memory is the cache plus one batch, whatever the size of the log.
 */
export class RebuildUnitOfWork implements UnitOfWork {
  // Map iteration order is insertion order: re-inserting on write keeps each collection's map ordered by recency.
  private readonly cached = new Map<string, Map<string, Entry>>();
  private readonly written: WrittenIds;
  private resetting: string[];
  private dirty = 0;
  private entries = 0;
  private rows: RowPut[] = [];

  constructor(
    private readonly store: ReadModelStore,
    private readonly options: RebuildUnitOfWorkOptions,
  ) {
    this.resetting = [...options.collections];
    this.written = new WrittenIds(options.rememberedIds ?? 1_000_000);
  }

  get<T extends Document>(collection: string, id: string): MaybePromise<T | undefined> {
    const entry = this.cached.get(collection)?.get(id);
    if (entry !== undefined) return (entry.doc ?? undefined) as T | undefined;
    if (!this.mayBeStored(collection, id)) return undefined;
    return this.store.get<T>(collection, id);
  }

  put(collection: string, doc: Document): void {
    this.record(collection, doc.id, doc);
  }

  delete(collection: string, id: string): void {
    this.record(collection, id, null);
  }

  putRow(collection: string, parentId: string, seq: number, value: Record<string, unknown>): void {
    this.rows.push({ collection, parentId, seq, value });
  }

  /**
   * Documents held in memory, changed or not: what a commit and the eviction after it bring down; or the pending rows
   * counted as documents (ROWS_PER_DOCUMENT of them weigh about one), if those weigh more.
   */
  get size(): number {
    return Math.max(this.entries, Math.floor(this.rows.length / ROWS_PER_DOCUMENT));
  }

  /** Changed documents waiting for the next batch. */
  get changed(): number {
    return this.dirty;
  }

  /** True while the next batch must be committed even without changes, because it resets the collections. */
  get resetPending(): boolean {
    return this.resetting.length > 0;
  }

  /** The changes since the last batch; they stay cached as clean documents, and the cache is trimmed to its size. */
  toBatch(projection: string, checkpoint: number): ReadModelBatch {
    const batch: ReadModelBatch = { projection, checkpoint, puts: [], deletes: [] };
    if (this.resetting.length > 0) batch.resetsCollections = this.resetting;
    if (this.rows.length > 0) batch.rows = this.rows;
    this.rows = [];
    for (const [collection, entries] of this.cached) {
      for (const [id, entry] of entries) {
        if (!entry.dirty) continue;
        entry.dirty = false;
        if (entry.doc) batch.puts.push({ collection, doc: entry.doc });
        else batch.deletes.push({ collection, id });
      }
    }
    this.dirty = 0;
    this.resetting = [];
    this.trim();
    return batch;
  }

  private record(collection: string, id: string, doc: Document | null): void {
    let entries = this.cached.get(collection);
    if (!entries) {
      entries = new Map();
      this.cached.set(collection, entries);
    }
    const entry = entries.get(id);
    if (entry) {
      entries.delete(id); // re-inserted below: now the most recent
      if (!entry.dirty) this.dirty++;
      entry.doc = doc;
      entry.dirty = true;
      entries.set(id, entry);
    } else {
      entries.set(id, { doc, dirty: true });
      this.dirty++;
      this.entries++;
    }
  }

  /** Drops the least recently written clean documents beyond the cache size (all are clean right after a batch). */
  private trim(): void {
    for (const [collection, entries] of this.cached) {
      for (const [id, entry] of entries) {
        if (this.entries <= this.options.cacheDocuments) return;
        if (entry.dirty) continue;
        entries.delete(id);
        this.entries--;
        if (entry.doc) this.written.add(collection, id);
      }
    }
  }

  /** A rebuilt collection holds only what this rebuild wrote (before the first batch, the old read model is ignored). */
  private mayBeStored(collection: string, id: string): boolean {
    return !this.options.collections.includes(collection) || this.written.mayContain(collection, id);
  }
}
