import { BACKWARDS, END, KurrentDBClient, WrongExpectedVersionError, eventTypeFilter } from '@kurrent/kurrentdb-client';
import {
  ChainVerifier,
  DuplicateCommandError,
  GENESIS_HASH,
  IdempotencyKeyReuseError,
  WrongExpectedRevisionError,
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
import { chainedServerEvents, recordedEventsOf } from './chained-append';
import { CommandKeyRecords } from './command-key-records';
import { decodeEvent } from './event-codec';
import { assertExpectedRevision } from './expected-revision';
import { LogReader } from './log-reader';
import { RecentEvents } from './recent-events';
import { escapeRegex, readServerStream } from './server-reads';
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

/**
 * The event store on KurrentDB (EventStoreDB), through `@kurrent/kurrentdb-client`. Each stream is a server stream
 * and each append is one server append with the stream's exact expected revision, so the server refuses a writer that
 * raced it. The store's log is `$all` filtered to its namespace (log-reader.ts); an event's envelope position (gap-free
 * 1, 2, 3…) and its link in the hash chain are assigned by this process, which is the namespace's only writer: appends
 * are serialised here, like the embedded store's single writer. Command keys: command-key-records.ts. See the package
 * README for positions, command keys, the chain and what the composition keeps elsewhere (timers, read models, the
 * publisher's checkpoint).
 */
export class KurrentEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly ownsClient: boolean;
  private readonly names: StreamNames;
  private readonly clock: Clock;
  private readonly pageSize: number;
  private readonly readOnly: boolean;
  private readonly log: LogReader;
  private readonly keys: CommandKeyRecords;
  private readonly recent: RecentEvents;
  private readonly waiters = new AppendWaiters();
  private readonly revisions = new Map<string, number>();
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
    this.log = new LogReader(this.client, this.names, this.pageSize);
    this.keys = new CommandKeyRecords(this.client, this.names);
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
    const events = (await readServerStream(this.client, this.names.ofStream(streamId), { fromRevision: BigInt(fromRevision) })).map(
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
    return (await this.log.read(afterPosition, limit)).map((decoded) => decoded.event);
  }

  async readAllOfTypes(types: readonly string[], afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    await this.whenReady();
    if (types.length === 0 || limit <= 0 || afterPosition >= this.head) return [];
    const wanted = new Set(types);
    const recent = this.recent.read(afterPosition, limit, (event) => wanted.has(event.type));
    if (recent) return recent;
    const filter = eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
    return (await this.log.read(afterPosition, limit, filter)).map((decoded) => decoded.event);
  }

  /** Walks the log in `$all` order: positions must run 1, 2, 3… and each stored link must chain to the one before. */
  async verifyChain(): Promise<ChainReport> {
    await this.whenReady();
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const page = await this.log.read(after, this.pageSize);
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
    return this.keys.find(key);
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
   * The head is the position of the namespace's last event. If the process stopped between that event's append and
   * its command key's record, the record is written now from the event.
   */
  private async openLog(): Promise<void> {
    const decoded = await this.log.last();
    if (!decoded) return;
    this.head = decoded.event.position;
    this.lastHash = decoded.chainHash;
    const key = decoded.commandKey;
    if (key && !this.readOnly && !(await this.keys.read(key.key))) {
      const { eventIds, ...commandKey } = key;
      await this.keys.record({
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
      const handled = await this.keys.lookUp(commandKey.key);
      if (handled && handled.requestHash !== commandKey.requestHash) throw new IdempotencyKeyReuseError(commandKey.key);
      if (handled) throw new DuplicateCommandError(handled);
    }
    const current = await this.currentRevision(streamId);
    assertExpectedRevision(streamId, expected, current);
    const recordedAt = this.clock.now().toISOString();
    if (newEvents.length === 0) {
      if (commandKey) await this.keys.record({ ...commandKey, streamId, revision: current, eventIds: [], recordedAt });
      return { streamId, revision: current, events: [] };
    }
    const events = recordedEventsOf(streamId, newEvents, current, this.head, recordedAt);
    const chained = chainedServerEvents(events, this.lastHash, commandKey);
    const appended = await this.client
      .appendToStream(this.names.ofStream(streamId), chained.encoded, { streamState: current < 0 ? 'no_stream' : BigInt(current) })
      .catch((error: unknown) => {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // another writer on this namespace: the one-writer rule is broken; forget what this process believed
        this.revisions.delete(streamId);
        const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : 'no_stream';
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      });
    this.head += events.length;
    this.lastHash = chained.lastHash;
    this.revisions.set(streamId, current + events.length);
    this.recent.add(events);
    if (appended.position) this.log.anchors.add(this.head + 1, appended.position);
    this.waiters.release(this.head);
    const eventIds = events.map((event) => event.eventId);
    if (commandKey) await this.keys.record({ ...commandKey, streamId, revision: current + events.length, eventIds, recordedAt });
    return { streamId, revision: current + events.length, events: events.map((event) => structuredClone(event)) };
  }

  private async currentRevision(streamId: string): Promise<number> {
    const known = this.revisions.get(streamId);
    if (known !== undefined) return known;
    const [last] = await readServerStream(this.client, this.names.ofStream(streamId), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    const revision = last?.event ? Number(last.event.revision) : -1;
    this.revisions.set(streamId, revision);
    return revision;
  }
}
