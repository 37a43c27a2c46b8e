import type { MaybePromise } from '../support/maybe-promise';
import type { RecordedEvent } from './event-store';
import type { Document } from './read-model-store';

/** Reads through pending writes of the current batch, then the store; writes are buffered until commit. */
export interface UnitOfWork {
  /**
   * The document as the batch sees it. Answered synchronously when no store read is needed (a pending write, or a
   * collection known to be empty, as during a rebuild); `await` works either way.
   */
  get<T extends Document>(collection: string, id: string): MaybePromise<T | undefined>;
  put(collection: string, doc: Document): void;
  delete(collection: string, id: string): void;
  /** Puts a row of a parent's append-only list (see `Row`): written, never read back by the batch. */
  putRow(collection: string, parentId: string, seq: number, value: Record<string, unknown>): void;
}

/**
 * A read model fed by the log. `apply` must be deterministic (no clock, no random): rebuilding from
 * position 0 must reach the same documents as the live run.
 */
export interface Projection {
  readonly name: string;
  readonly collections: string[];
  handles(eventType: string): boolean;
  /**
   * `payload`: apply reads only an event's type, schemaVersion, streamId, revision, position and data, so a rebuild
   * may read the log without the metadata (EventStore.readAllPayloads: less to read and to allocate per event).
   */
  readonly reads?: 'payload';
  /**
   * `apply` never changes a document it gets or has put, nor anything in one: it builds a new document from the old
   * (as a decider's evolve builds a new state), and every document it puts is plain JSON data. Its documents are then
   * read and held without copies (see ReadOptions.readOnly and ReadModelBatch's `shared` puts).
   */
  readonly sharesDocuments?: boolean;
  /** May finish synchronously (returning nothing): the runner awaits only a returned promise. */
  apply(event: RecordedEvent, uow: UnitOfWork): MaybePromise<void>;
  /**
   * How a rebuild applies an event, when a projection can do it cheaper than `apply`: a rebuild's documents are its own
   * until they are committed (a store's `get` answers a copy, and nothing else sees what a rebuild's unit of work holds),
   * so their fields may be changed in place instead of copied per event. Must leave the same documents as `apply`.
   */
  applyRebuilding?(event: RecordedEvent, uow: UnitOfWork): MaybePromise<void>;
}
