import type { Document, ReadModelBatch, ReadModelStore } from '../ports/read-model-store';
import type { UnitOfWork } from '../ports/projection';
import type { MaybePromise } from '../support/maybe-promise';

interface Pending {
  collection: string;
  id: string;
  doc: Document | null;
}

export interface BufferedUnitOfWorkOptions {
  /**
   * Collections the store holds nothing of (just reset for a rebuild): until the first batch is taken for commit,
   * a document that is not pending does not exist, and reading it needs no store read.
   */
  emptyCollections?: readonly string[];
}

/** Buffers a batch's writes in memory; reads see the batch's own writes first. */
export class BufferedUnitOfWork implements UnitOfWork {
  // Per collection, then per id: no composite key string is built on every get and put (a rebuild does both per event).
  private readonly pending = new Map<string, Map<string, Pending>>();
  private readonly emptyInStore: Set<string>;
  private count = 0;

  constructor(
    private readonly store: ReadModelStore,
    options: BufferedUnitOfWorkOptions = {},
  ) {
    this.emptyInStore = new Set(options.emptyCollections);
  }

  get<T extends Document>(collection: string, id: string): MaybePromise<T | undefined> {
    const buffered = this.pending.get(collection)?.get(id);
    if (buffered) return (buffered.doc ?? undefined) as T | undefined;
    if (this.emptyInStore.has(collection)) return undefined;
    return this.store.get<T>(collection, id);
  }

  put(collection: string, doc: Document): void {
    this.record(collection, doc.id, doc);
  }

  delete(collection: string, id: string): void {
    this.record(collection, id, null);
  }

  get size(): number {
    return this.count;
  }

  toBatch(projection: string, checkpoint: number, processedEventIds?: string[]): ReadModelBatch {
    const batch: ReadModelBatch = { projection, checkpoint, puts: [], deletes: [], processedEventIds };
    for (const documents of this.pending.values()) {
      for (const { collection, id, doc } of documents.values()) {
        if (doc) batch.puts.push({ collection, doc });
        else batch.deletes.push({ collection, id });
      }
    }
    this.pending.clear();
    this.count = 0;
    this.emptyInStore.clear(); // the batch is about to be committed: from now on, misses must ask the store
    return batch;
  }

  private record(collection: string, id: string, doc: Document | null): void {
    let documents = this.pending.get(collection);
    if (!documents) {
      documents = new Map();
      this.pending.set(collection, documents);
    }
    const entry = documents.get(id);
    if (entry) {
      entry.doc = doc;
    } else {
      documents.set(id, { collection, id, doc });
      this.count++;
    }
  }
}
