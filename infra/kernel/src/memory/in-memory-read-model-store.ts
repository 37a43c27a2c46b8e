import type { Document, Page, Query, ReadModelBatch, ReadModelStore } from '../ports/read-model-store';

/** Read models in memory, for unit tests of projections and queries. */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Map<string, Document>>();
  private readonly checkpoints = new Map<string, number>();
  private readonly processed = new Set<string>();

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    const doc = this.collections.get(collection)?.get(id);
    return doc ? (structuredClone(doc) as T) : undefined;
  }

  async find<T extends Document>(collection: string, query: Query): Promise<Page<T>> {
    const limit = Math.min(query.limit ?? 50, 500);
    const after = query.cursor ? Buffer.from(query.cursor, 'base64url').toString() : undefined;
    const matches = [...(this.collections.get(collection)?.values() ?? [])]
      .filter((doc) => Object.entries(query.where ?? {}).every(([field, value]) => doc[field] === value))
      .filter((doc) => after === undefined || doc.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const items = matches.slice(0, limit).map((d) => structuredClone(d) as T);
    const nextCursor = matches.length > limit ? Buffer.from(items[items.length - 1].id).toString('base64url') : undefined;
    return { items, nextCursor };
  }

  async commit(batch: ReadModelBatch): Promise<void> {
    if (batch.resetsCollections) this.resetNow(batch.projection, batch.resetsCollections);
    for (const { collection, doc } of batch.puts) this.collection(collection).set(doc.id, structuredClone(doc));
    for (const { collection, id } of batch.deletes) this.collection(collection).delete(id);
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
    collections.forEach((c) => this.collections.delete(c));
    this.checkpoints.delete(projection);
    for (const key of [...this.processed]) if (key.startsWith(`${projection}\u0000`)) this.processed.delete(key);
  }

  async close(): Promise<void> {}

  private collection(name: string): Map<string, Document> {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new Map()));
    return collection;
  }
}
