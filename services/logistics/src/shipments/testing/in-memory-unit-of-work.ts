import type { Document, Projection, UnitOfWork } from '@aftersales/kernel';
import { recordedStream } from './recorded';

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

  putRow(): void {
    throw new Error('the shipments projections keep no rows');
  }

  all(collection: string): Document[] {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }
}

/** Applies a stream's events, revisions 0… in order, to `projection` as the runner would (only those it handles). */
export async function projectStream(
  projection: Projection,
  streamId: string,
  events: { type: string; data: unknown }[],
  uow = new InMemoryUnitOfWork(),
): Promise<InMemoryUnitOfWork> {
  for (const event of recordedStream(streamId, events)) {
    if (projection.handles(event.type)) await projection.apply(event, uow);
  }
  return uow;
}
