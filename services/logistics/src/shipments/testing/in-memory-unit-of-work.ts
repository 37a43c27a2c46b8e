import type { Document, UnitOfWork } from '@aftersales/kernel';

/** A unit of work over plain maps: enough to run a projection's apply in a unit test. */
export class InMemoryUnitOfWork implements UnitOfWork {
  readonly collections = new Map<string, Map<string, Document>>();

  async get<T extends Document>(collection: string, id: string): Promise<T | undefined> {
    return this.collections.get(collection)?.get(id) as T | undefined;
  }

  put(collection: string, doc: Document): void {
    if (!this.collections.has(collection)) this.collections.set(collection, new Map());
    this.collections.get(collection)!.set(doc.id, structuredClone(doc));
  }

  delete(collection: string, id: string): void {
    this.collections.get(collection)?.delete(id);
  }

  all(collection: string): Document[] {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }
}
