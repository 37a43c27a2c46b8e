import type { Document, ReadModelBatch, ReadModelStore } from '../ports/read-model-store';
import type { UnitOfWork } from '../ports/projection';

const slot = (collection: string, id: string) => `${collection}\u0000${id}`;

/** Buffers a batch's writes in memory; reads see the batch's own writes first. */
export class BufferedUnitOfWork implements UnitOfWork {
  private readonly pending = new Map<string, { collection: string; id: string; doc: Document | null }>();

  constructor(private readonly store: ReadModelStore) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const buffered = this.pending.get(slot(collection, id));
    if (buffered) return (buffered.doc ?? undefined) as T | undefined;
    return this.store.get<T>(collection, id);
  }

  put(collection: string, doc: Document): void {
    this.pending.set(slot(collection, doc.id), { collection, id: doc.id, doc });
  }

  delete(collection: string, id: string): void {
    this.pending.set(slot(collection, id), { collection, id, doc: null });
  }

  get size(): number {
    return this.pending.size;
  }

  toBatch(projection: string, checkpoint: number, processedEventIds?: string[]): ReadModelBatch {
    const batch: ReadModelBatch = { projection, checkpoint, puts: [], deletes: [], processedEventIds };
    for (const { collection, id, doc } of this.pending.values()) {
      if (doc) batch.puts.push({ collection, doc });
      else batch.deletes.push({ collection, id });
    }
    this.pending.clear();
    return batch;
  }
}
