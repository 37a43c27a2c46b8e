import type { EventEnvelope, EventMetadata } from '@aftersales/contracts';

export type RecordedEvent<TType extends string = string, TData = unknown> = EventEnvelope<TType, TData>;

/** An event to append; the store assigns revision, position and recordedAt. */
export interface NewEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
}

/**
 * `number`: the revision of the stream's last event (0-based); `no_stream`: the stream must not exist;
 * `exists`: it must exist; `any`: no check.
 */
export type ExpectedRevision = number | 'no_stream' | 'exists' | 'any';

/**
 * A client-supplied idempotency key recorded atomically with the append it caused, so a replay
 * can be recognised after a crash and answered from the log.
 */
export interface CommandKey {
  /** `<scope>:<key>`, e.g. `POST /orders:3f1c…` or `consumer:order:<eventId>`. */
  key: string;
  /** Hash of what the key was sent with; the same key with another hash is refused. */
  requestHash: string;
}

export interface CommandKeyRecord extends CommandKey {
  streamId: string;
  /** Revision of the stream's last event after the append (-1 when the command appended nothing). */
  revision: number;
  eventIds: string[];
  recordedAt: string;
}

export interface AppendOptions {
  commandKey?: CommandKey;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the stream's last event after the append. */
  revision: number;
  events: RecordedEvent[];
}

export interface EventStore {
  /**
   * Appends events to one stream atomically, checking the expected revision.
   * Throws WrongExpectedRevisionError on a conflict and IdempotencyKeyReuseError when the command
   * key exists with another request hash. When the command key exists with the same hash,
   * appends nothing and throws DuplicateCommandError carrying the first record.
   * An empty `events` list with a command key records the key alone (a command that changed nothing).
   */
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream from `fromRevision` (inclusive), in order; [] when it does not exist. */
  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]>;
  /** Events of every stream after global position `afterPosition` (exclusive), at most `limit`. */
  readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]>;
  /**
   * Events of the given types, of every stream, after global position `afterPosition` (exclusive), in log order, at
   * most `limit`: a reader that needs a few types pages through them without materialising the rest of the log.
   */
  readAllOfTypes(types: readonly string[], afterPosition: number, limit: number): Promise<RecordedEvent[]>;
  /**
   * Like readAll, for a reader that needs only what an event says (type, schemaVersion, streamId, revision, position,
   * data): a rebuild of a projection that declares `reads: 'payload'`. The store may leave the metadata out (eventId,
   * occurredAt, recordedAt, correlationId, causationId, actor, trace): reading one of those then throws, so a
   * projection that declared too little fails loudly instead of folding undefined. Optional: readAll serves otherwise.
   * `needs`: the types whose data the reader uses; an event of another type may come without its data (undefined), so
   * that a rebuild does not parse what its projection does not handle.
   */
  readAllPayloads?(afterPosition: number, limit: number, needs?: (eventType: string) => boolean): Promise<RecordedEvent[]>;
  /**
   * Recomputes the log's hash chain (every event is chained to the one before it as it is appended, see chainHash)
   * and reports the first event whose stored content or position does not match it.
   */
  verifyChain(): Promise<ChainReport>;
  /** Global position of the last committed event (0 when empty). */
  headPosition(): Promise<number>;
  findCommandKey(key: string): Promise<CommandKeyRecord | undefined>;
  /**
   * The revision of the stream's last committed event (-1: no stream) when the store knows it without reading, else
   * undefined. A store that is its log's only writer knows what it appended; a command handler whose cached state is
   * at that revision then skips `readStream`. Optional: without it, the handler reads the stream's tail every time.
   */
  knownRevision?(streamId: string): number | undefined;
  /**
   * Changes when events already read would now read differently without anything appended (a buyer's personal data
   * erased: see ProtectedEventStore): whoever caches what it folded from earlier reads drops it. Optional: without it,
   * what was read stays as it was read.
   */
  readEpoch?(): number;
  /** Resolves as soon as the head position is past `afterPosition` (or at once); used by live subscriptions. */
  waitForAppend(afterPosition: number, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** What a verification of the log's hash chain found: how many events it checked, and the first whose hash does not hold. */
export interface ChainReport {
  checked: number;
  firstBrokenPosition?: number;
}

export class DuplicateCommandError extends Error {
  constructor(readonly record: CommandKeyRecord) {
    super(`command ${record.key} was already handled`);
    this.name = 'DuplicateCommandError';
  }
}
