import { SharedTailReads } from '../bus/shared-tail-reads';
import type {
  AppendOptions,
  AppendResult,
  ChainReport,
  CommandKeyRecord,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
} from '../ports/event-store';
import type { Keyring } from './keyring';
import { hasSealedFields, holdsSealableValue, openFields, sealFields } from './sealed-fields';

const MAX_CACHED_STREAMS = 100_000;

/** Opened events remembered (as many as the followers' shared window holds, twice). */
const MAX_OPENED_EVENTS = 8_192;

/**
 * The opened data of recent sealed events, by log position, shared by every view of one log (see readingThrough):
 * the log's followers all read the same new events, and opening one costs an AES-GCM decryption per sealed field.
 * Forgotten at once when an erasure moves the keyring's epoch, so no follower is handed data that was just erased.
 */
class OpenedEvents {
  private readonly data = new Map<number, unknown>();
  /**
   * The opened copy of each stored event object the followers' shared window handed out: every follower gets the same
   * one, as it does an event without sealed fields, so what is built once per event for all of them (a bus message,
   * its decoded envelope: see SharedLogReads) is built once for these too.
   */
  private events = new WeakMap<RecordedEvent, RecordedEvent>();
  private epoch = -1;

  /** `epoch`: the keyring's when the data was read; what the current epoch says is read with it. */
  get(position: number, epoch: number): unknown {
    this.moveTo(epoch);
    return this.data.get(position);
  }

  set(position: number, epoch: number, data: unknown): void {
    if (epoch < this.epoch) return; // an erasure happened while it was being opened
    this.moveTo(epoch);
    if (this.data.size >= MAX_OPENED_EVENTS) this.data.delete(this.data.keys().next().value as number);
    this.data.set(position, data);
  }

  openedEvent(stored: RecordedEvent, epoch: number): RecordedEvent | undefined {
    this.moveTo(epoch);
    return this.events.get(stored);
  }

  rememberOpenedEvent(stored: RecordedEvent, epoch: number, opened: RecordedEvent): void {
    if (epoch < this.epoch) return;
    this.moveTo(epoch);
    this.events.set(stored, opened);
  }

  private moveTo(epoch: number): void {
    if (epoch === this.epoch) return;
    this.data.clear();
    this.events = new WeakMap();
    this.epoch = epoch;
  }
}

const buyerIdOf = (data: unknown): string | undefined => {
  const buyerId = (data as { buyerId?: unknown } | null)?.buyerId;
  return typeof buyerId === 'string' && buyerId.length > 0 ? buyerId : undefined;
};

/**
 * The event log with buyer personal data sealed (see PROTECTED_FIELDS in the contracts): appends seal the protected
 * fields under the buyer's data key before they reach the log, every read opens them again, or answers `[erased]` once
 * the key is shredded. The deciders, projections and bus consumers see clear data and never a key; the log file, its
 * backups and what is published from it keep only cipher text. Whose key: the event's `buyerId`, else the buyer of its
 * stream (the `buyerId` of the stream's first event).
 */
export class ProtectedEventStore implements EventStore {
  private readonly buyerOfStream = new Map<string, string>();
  readonly knownRevision?: (streamId: string) => number | undefined;
  readonly readAllPayloads?: (afterPosition: number, limit: number, needs?: (eventType: string) => boolean) => Promise<RecordedEvent[]>;

  constructor(
    readonly inner: EventStore,
    private readonly keys: Keyring,
    private readonly opened = new OpenedEvents(),
  ) {
    if (inner.knownRevision) this.knownRevision = (streamId) => inner.knownRevision!(streamId);
    if (inner.readAllPayloads) this.readAllPayloads = async (after, limit, needs) => this.openAll(await inner.readAllPayloads!(after, limit, needs));
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    if (!events.some((event) => holdsSealableValue(event.type, event.data))) return this.inner.append(streamId, events, expected, options);
    const sealed: NewEvent[] = [];
    for (const event of events) {
      if (!holdsSealableValue(event.type, event.data)) {
        sealed.push(event);
        continue;
      }
      const key = await this.keys.keyFor(await this.buyerOf(streamId, event, events));
      sealed.push({ ...event, data: await sealFields(event.type, event.data, key) });
    }
    const epoch = this.keys.epoch;
    const result = await this.inner.append(streamId, sealed, expected, options);
    const clearData = new Map(events.map((event) => [event.eventId, event.data]));
    // What followers will read next: known in clear already, so none of them has to decrypt it.
    for (const event of result.events) if (hasSealedFields(event.type)) this.opened.set(event.position, epoch, clearData.get(event.eventId));
    return {
      ...result,
      events: result.events.map((event) => (clearData.has(event.eventId) ? { ...event, data: clearData.get(event.eventId) } : event)),
    };
  }

  async readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(streamId, fromRevision));
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readAll(afterPosition, limit));
  }

  async readAllOfTypes(types: readonly string[], afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readAllOfTypes(types, afterPosition, limit));
  }

  readEpoch(): number {
    return this.keys.epoch;
  }

  /** The chain covers the events as stored: sealed, so an erasure (keys shredded, nothing rewritten) keeps it whole. */
  verifyChain(): Promise<ChainReport> {
    return this.inner.verifyChain();
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  findCommandKey(key: string): Promise<CommandKeyRecord | undefined> {
    return this.inner.findCommandKey(key);
  }

  waitForAppend(afterPosition: number, signal?: AbortSignal): Promise<void> {
    return this.inner.waitForAppend(afterPosition, signal);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The same keys over another view of the stored log (a cache of it: see sharedTailOf). */
  readingThrough(view: (stored: EventStore) => EventStore): ProtectedEventStore {
    return new ProtectedEventStore(view(this.inner), this.keys, this.opened);
  }

  /** The event with its sealed fields opened (or erased); the same object when it has none. */
  async open(event: RecordedEvent): Promise<RecordedEvent> {
    if (!hasSealedFields(event.type) || event.data === undefined) return event; // undefined: a payload read did not need it
    const epoch = this.keys.epoch;
    const known = this.opened.openedEvent(event, epoch);
    if (known) return known;
    let data = this.opened.get(event.position, epoch);
    if (data === undefined) {
      data = await openFields(event.type, event.schemaVersion, event.data, (keyId) => this.keys.key(keyId));
      this.opened.set(event.position, epoch, data);
    }
    // A copy on the event's own prototype: a payload-only event keeps its throwing metadata getters.
    const opened = Object.assign(Object.create(Object.getPrototypeOf(event) as object) as RecordedEvent, event, { data });
    this.opened.rememberOpenedEvent(event, epoch, opened);
    return opened;
  }

  private async openAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    if (!events.some((event) => hasSealedFields(event.type))) return events;
    return Promise.all(events.map((event) => this.open(event)));
  }

  /** The event's buyerId, else the buyer of its stream: remembered, or read from the stream's first event. */
  private async buyerOf(streamId: string, event: NewEvent, appending: NewEvent[]): Promise<string> {
    const buyerId =
      buyerIdOf(event.data) ??
      this.buyerOfStream.get(streamId) ??
      buyerIdOf((await this.inner.readStream(streamId, 0))[0]?.data) ??
      appending.map((other) => buyerIdOf(other.data)).find(Boolean);
    if (!buyerId) throw new Error(`cannot seal personal data on ${streamId}: no buyerId on the event or the stream's first event`);
    if (this.buyerOfStream.get(streamId) !== buyerId) {
      if (this.buyerOfStream.size >= MAX_CACHED_STREAMS) this.buyerOfStream.clear();
      this.buyerOfStream.set(streamId, buyerId);
    }
    return buyerId;
  }
}

/**
 * The shared window of recent events the log's followers read (SharedTailReads). Over a ProtectedEventStore the window
 * keeps the stored, sealed events and opens them on every read, so an erasure shows at once in what it hands out.
 */
export function sharedTailOf(log: EventStore): EventStore {
  return log instanceof ProtectedEventStore ? log.readingThrough((stored) => new SharedTailReads(stored)) : new SharedTailReads(log);
}
