import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type Filter,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  ChainVerifier,
  DuplicateCommandError,
  GENESIS_HASH,
  IdempotencyKeyReuseError,
  WrongExpectedRevisionError,
  chainHash,
  chainedFieldsOf,
  type AppendOptions,
  type AppendResult,
  type ChainReport,
  type Clock,
  type CommandKeyRecord,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@aftersales/kernel';
import { AppendWaiters } from './append-waiters';
import { decodeEvent, encodeEvent, type DecodedEvent } from './event-codec';
import { assertExpectedRevision } from './expected-revision';
import { LogAnchors } from './log-anchors';
import { RecentEvents } from './recent-events';
import { RecentSet } from './recent-set';
import { StreamNames } from './stream-names';

export interface KurrentEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false` (or `esdb://…`), or a client the caller owns (then `close` leaves it open). */
  connection: string | KurrentDBClient;
  clock: Clock;
  /** This store's streams on the server: `<namespace>:<streamId>`; one writing process per namespace. */
  namespace: string;
  /** Events per `$all` read page (default 500). */
  pageSize?: number;
  /** For readers beside the namespace's writer (audits): opening repairs nothing, appending is refused. */
  readOnly?: boolean;
  /** How many of its latest appends the store answers reads from memory (default 4 096; 0: every read goes to the server). */
  recentEvents?: number;
}

const COMMAND_KEY_RECORDED = 'CommandKeyRecorded';

/**
 * The event store on KurrentDB (EventStoreDB), through `@kurrent/kurrentdb-client`. Each stream is a server stream
 * and each append is one server append with the stream's exact expected revision, so the server refuses a writer that
 * raced it. The store's log is `$all` filtered to its namespace; an event's envelope position (gap-free 1, 2, 3…) and
 * its link in the hash chain are assigned by this process, which is the namespace's only writer: appends are
 * serialised here, like the embedded store's single writer. See the package README for positions, command keys, the
 * chain and what the composition keeps elsewhere (timers, read models, the publisher's checkpoint).
 */
export class KurrentEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly ownsClient: boolean;
  private readonly names: StreamNames;
  private readonly clock: Clock;
  private readonly pageSize: number;
  private readonly readOnly: boolean;
  private readonly anchors = new LogAnchors();
  private readonly recent: RecentEvents;
  private readonly waiters = new AppendWaiters();
  private readonly revisions = new Map<string, number>();
  private readonly absentKeys = new RecentSet(10_000);
  private keysRecorded = 0;
  private head = 0;
  private lastHash = GENESIS_HASH;
  private writes: Promise<unknown> = Promise.resolve();
  private opening: Promise<void> | undefined;
  private closed = false;

  constructor(options: KurrentEventStoreOptions) {
    this.ownsClient = typeof options.connection === 'string';
    this.client = typeof options.connection === 'string' ? KurrentDBClient.connectionString`${options.connection}` : options.connection;
    this.names = new StreamNames(options.namespace);
    this.clock = options.clock;
    this.pageSize = options.pageSize ?? 500;
    this.readOnly = options.readOnly ?? false;
    this.recent = new RecentEvents(options.recentEvents ?? 4_096);
    this.whenReady().catch(() => undefined);
  }

  /**
   * Resolves once the store knows its head (reads the last event of its namespace); every call waits for it. A failed
   * opening (server unreachable) is tried again by the next call.
   */
  whenReady(): Promise<void> {
    this.opening ??= this.openLog().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.readOnly) throw new Error(`the KurrentDB store of namespace ${this.names.namespace} was opened read-only`);
    await this.whenReady();
    const write = this.writes.then(() => this.appendNow(streamId, events, expected, options));
    this.writes = write.catch(() => undefined);
    return write;
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    await this.whenReady();
    const events = (await this.readServerStream(this.names.ofStream(streamId), { fromRevision: BigInt(fromRevision) })).map(
      (resolved) => decodeEvent(resolved.event!, streamId).event,
    );
    // revisions only grow (this process is the only writer): an append that finished during the read stays known
    if (fromRevision === 0) this.revisions.set(streamId, Math.max(events.length - 1, this.revisions.get(streamId) ?? -1));
    return events;
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    await this.whenReady();
    if (limit <= 0 || afterPosition >= this.head) return [];
    const recent = this.recent.read(afterPosition, limit);
    if (recent) return recent;
    const filter = streamNameFilter({ prefixes: [this.names.eventPrefix] });
    return (await this.readLog(afterPosition, limit, filter)).map((decoded) => decoded.event);
  }

  async readAllOfTypes(types: readonly string[], afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    await this.whenReady();
    if (types.length === 0 || limit <= 0 || afterPosition >= this.head) return [];
    const wanted = new Set(types);
    const recent = this.recent.read(afterPosition, limit, (event) => wanted.has(event.type));
    if (recent) return recent;
    const filter = eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
    return (await this.readLog(afterPosition, limit, filter)).map((decoded) => decoded.event);
  }

  /** Walks the log in `$all` order: positions must run 1, 2, 3… and each stored link must chain to the one before. */
  async verifyChain(): Promise<ChainReport> {
    await this.whenReady();
    const verifier = new ChainVerifier();
    const filter = streamNameFilter({ prefixes: [this.names.eventPrefix] });
    let after = 0;
    for (;;) {
      const page = await this.readLog(after, this.pageSize, filter);
      for (const decoded of page) if (!verifier.check(chainedFieldsOf(decoded.event), decoded.chainHash)) return verifier.report();
      if (page.length < this.pageSize) return verifier.report();
      after = page[page.length - 1].event.position;
    }
  }

  async headPosition(): Promise<number> {
    await this.whenReady();
    return this.head;
  }

  async findCommandKey(key: string): Promise<CommandKeyRecord | undefined> {
    await this.whenReady();
    const recordedBefore = this.keysRecorded;
    const record = await this.readCommandKey(key);
    // absent only if this process recorded no key while reading: else the read may predate that very record
    if (!record && this.keysRecorded === recordedBefore) this.absentKeys.add(key);
    return record;
  }

  /**
   * The key's record, read from the server unless this process saw it absent there since it opened: only this process
   * records keys in its namespace, so a key it found absent stays absent until it records it (the command handler
   * looks a key up just before the append, which then need not read it again).
   */
  private async readCommandKey(key: string): Promise<CommandKeyRecord | undefined> {
    if (this.absentKeys.delete(key)) return undefined;
    return this.readCommandKeyRecord(key);
  }

  private async readCommandKeyRecord(key: string): Promise<CommandKeyRecord | undefined> {
    const [last] = await this.readServerStream(this.names.ofCommandKey(key), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last?.event?.data as CommandKeyRecord | undefined;
  }

  /** The server stream that holds the record of command key `key`. */
  commandKeyStreamOf(key: string): string {
    return this.names.ofCommandKey(key);
  }

  knownRevision(streamId: string): number | undefined {
    return this.revisions.get(streamId);
  }

  waitForAppend(afterPosition: number, signal?: AbortSignal): Promise<void> {
    if (this.head > afterPosition || signal?.aborted) return Promise.resolve();
    return this.waiters.wait(afterPosition, signal);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes;
    this.waiters.releaseAll();
    if (this.ownsClient) await this.client.dispose();
  }

  /**
   * The head is the position of the namespace's last event (read backwards from the end of `$all`). If the process
   * stopped between that event's append and its command key's record, the record is written now from the event.
   */
  private async openLog(): Promise<void> {
    const filter = streamNameFilter({ prefixes: [this.names.eventPrefix] });
    const [last] = await collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter }));
    const decoded = last ? this.decode(last) : undefined;
    if (!decoded) return;
    this.head = decoded.event.position;
    this.lastHash = decoded.chainHash;
    this.anchors.add(this.head + 1, last.event!.position!);
    const key = decoded.commandKey;
    if (key && !this.readOnly && !(await this.readCommandKeyRecord(key.key))) {
      const { eventIds, ...commandKey } = key;
      await this.recordCommandKey({
        ...commandKey,
        streamId: decoded.event.streamId,
        revision: decoded.event.revision,
        eventIds,
        recordedAt: decoded.event.recordedAt,
      });
    }
  }

  private async appendNow(
    streamId: string,
    newEvents: NewEvent[],
    expected: ExpectedRevision,
    { commandKey }: AppendOptions,
  ): Promise<AppendResult> {
    if (commandKey) {
      const handled = await this.readCommandKey(commandKey.key);
      if (handled && handled.requestHash !== commandKey.requestHash) throw new IdempotencyKeyReuseError(commandKey.key);
      if (handled) throw new DuplicateCommandError(handled);
    }
    const current = await this.currentRevision(streamId);
    assertExpectedRevision(streamId, expected, current);
    const recordedAt = this.clock.now().toISOString();
    if (newEvents.length === 0) {
      if (commandKey) await this.recordCommandKey({ ...commandKey, streamId, revision: current, eventIds: [], recordedAt });
      return { streamId, revision: current, events: [] };
    }
    const events = newEvents.map((event, index): RecordedEvent => ({
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      revision: current + 1 + index,
      position: this.head + 1 + index,
      occurredAt: event.metadata.occurredAt,
      recordedAt,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
      ...(event.metadata.trace ? { trace: event.metadata.trace } : {}),
      data: event.data,
    }));
    const eventIds = events.map((event) => event.eventId);
    let previous = this.lastHash;
    const encoded = events.map((event, index) => {
      previous = chainHash(previous, chainedFieldsOf(event));
      return encodeEvent(event, previous, commandKey && index === events.length - 1 ? { ...commandKey, eventIds } : undefined);
    });
    const appended = await this.client
      .appendToStream(this.names.ofStream(streamId), encoded, { streamState: current < 0 ? 'no_stream' : BigInt(current) })
      .catch((error: unknown) => {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // another writer on this namespace: the one-writer rule is broken; forget what this process believed
        this.revisions.delete(streamId);
        const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : 'no_stream';
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      });
    this.head += events.length;
    this.lastHash = previous;
    this.revisions.set(streamId, current + events.length);
    this.recent.add(events);
    if (appended.position) this.anchors.add(this.head + 1, appended.position);
    this.waiters.release(this.head);
    if (commandKey) await this.recordCommandKey({ ...commandKey, streamId, revision: current + events.length, eventIds, recordedAt });
    return { streamId, revision: current + events.length, events: events.map((event) => structuredClone(event)) };
  }

  private async currentRevision(streamId: string): Promise<number> {
    const known = this.revisions.get(streamId);
    if (known !== undefined) return known;
    const [last] = await this.readServerStream(this.names.ofStream(streamId), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    const revision = last?.event ? Number(last.event.revision) : -1;
    this.revisions.set(streamId, revision);
    return revision;
  }

  /** The key's stream holds its one record: `no_stream` makes a second record of the same key fail on the server. */
  private async recordCommandKey(record: CommandKeyRecord): Promise<void> {
    // counted before and after the write: a lookup that overlapped it, whatever it read, does not mark the key absent
    this.keysRecorded++;
    try {
      await this.client.appendToStream(
        this.names.ofCommandKey(record.key),
        jsonEvent({ type: COMMAND_KEY_RECORDED, data: { ...record } }),
        {
          streamState: 'no_stream',
        },
      );
    } catch (error) {
      // recorded already: by a store opening this namespace that repaired the same record from the event (an audit)
      if (
        !(error instanceof WrongExpectedVersionError) ||
        (await this.readCommandKeyRecord(record.key))?.requestHash !== record.requestHash
      )
        throw error;
    } finally {
      this.keysRecorded++;
      this.absentKeys.delete(record.key);
    }
  }

  /**
   * Up to `limit` of this store's events after `afterPosition`, in log order: reads `$all` forwards from the nearest
   * anchor, page by page, skipping what lies at or before `afterPosition` and other namespaces' streams.
   */
  private async readLog(afterPosition: number, limit: number, filter: Filter): Promise<DecodedEvent[]> {
    const anchor = this.anchors.fromFor(afterPosition + 1);
    let from: Position | undefined = anchor.from;
    let passed = afterPosition;
    const found: DecodedEvent[] = [];
    // the events between the anchor and afterPosition are read and skipped, plus the anchor's own event (inclusive read)
    const pageSize = Math.min(this.pageSize, Math.max(2, afterPosition + 2 - anchor.firstPosition + limit));
    for (;;) {
      const page = await collect(this.client.readAll({ direction: FORWARDS, fromPosition: from ?? START, maxCount: pageSize, filter }));
      for (const resolved of page) {
        const decoded = this.decode(resolved);
        if (!decoded || decoded.event.position <= passed) continue;
        passed = decoded.event.position;
        found.push(decoded);
        if (found.length === limit) {
          this.anchors.add(passed + 1, resolved.event!.position!);
          return found;
        }
      }
      if (page.length < pageSize) return found;
      from = page[page.length - 1].event!.position!;
    }
  }

  private decode(resolved: ResolvedEvent): DecodedEvent | undefined {
    const streamId = resolved.event ? this.names.streamIdOf(resolved.event.streamId) : undefined;
    return streamId === undefined ? undefined : decodeEvent(resolved.event!, streamId);
  }

  private async readServerStream(
    streamName: string,
    options: { direction?: typeof FORWARDS | typeof BACKWARDS; fromRevision?: bigint | typeof START | typeof END; maxCount?: number },
  ): Promise<ResolvedEvent[]> {
    try {
      return await collect(this.client.readStream(streamName, options));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
