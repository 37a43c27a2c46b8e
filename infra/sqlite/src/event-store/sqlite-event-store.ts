import type {
  AppendOptions,
  AppendResult,
  Clock,
  CommandKeyRecord,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  ChainReport,
} from '@aftersales/kernel';
import { ChainVerifier, GENESIS_HASH } from '@aftersales/kernel';
import type Database from 'better-sqlite3';
import { openDatabase, type SqliteDatabase } from '../database/open-database';
import { AppendWaiters } from './append-waiters';
import { BackgroundCheckpointer } from './background-checkpointer';
import { CommitModeChooser } from './commit-mode';
import {
  createEventLogSchema,
  EVENT_COLUMNS,
  EVENT_PLACEHOLDERS,
  toCommandKeyRecord,
  toRecordedEvent,
  type CommandKeyRow,
  type EventValues,
} from './event-log-schema';
import { LogTail } from './log-tail';
import { SqlWriteError, SqlWriterThread, type ChainedRows, type SqlWrite } from '../database/sql-writer-thread';
import { PAYLOAD_COLUMNS, toPayloadEvent, type PayloadValues } from './payload-event';
import { RevisionCache } from './revision-cache';
import { BatchView, type AppendRequest, type CommittedLog, type StagedAppend } from './staged-append';

export interface SqliteEventStoreOptions {
  /** Database file; its folder is created when missing. */
  path: string;
  /** Source of `recordedAt`. */
  clock: Clock;
  /** How many streams' last revisions to keep in memory (default 100 000). */
  revisionCacheSize?: number;
  /**
   * Commit on a worker thread while appends come in concurrently (default true for a file): the event loop serves
   * other requests during the fsync instead of waiting for it. A lone append is committed on the caller's thread,
   * which is quicker when nothing else is waiting.
   */
  writerThread?: boolean;
  /**
   * After this many transactions, copy the WAL into the database file on a worker thread instead of on the committing
   * thread every 1 000 pages (default 64, so a store that writes little never starts a thread; false: never; a
   * database in memory has no WAL).
   */
  backgroundCheckpointsAfter?: number | false;
}

/** With the checkpointer running, the writer checkpoints itself only past this many WAL pages (SQLite's default: 1 000). */
const SAFETY_AUTOCHECKPOINT_PAGES = 10_000;

const INSERT_EVENT = `INSERT INTO events (${EVENT_COLUMNS}, hash) VALUES (${EVENT_PLACEHOLDERS}, ?)`;
const INSERT_COMMAND_KEY = 'INSERT INTO command_keys (key, request_hash, stream_id, revision, event_ids, recorded_at) VALUES (?, ?, ?, ?, ?, ?)';

/** How long after appends last arrived together commits keep going to the writer thread. */
const CONCURRENT_FOR_MS = 100;
/**
 * Page size of a log file the store creates. A commit writes every page it touches to the WAL, and each append of a
 * busy log touches one leaf of the (stream, revision) index at random: 2 KB pages halve that against SQLite's 4 KB.
 */
const LOG_PAGE_SIZE = 2_048;

/** Counters that show group commit at work: many appends per transaction under load. */
export interface EventStoreStats {
  transactions: number;
  appends: number;
  events: number;
}

type Outcome = { request: AppendRequest; staged: StagedAppend } | { request: AppendRequest; error: unknown };

/**
 * Rows per part of a batch streamed to the writer thread. The part holding a batch's last rows is inserted after the
 * event loop has staged them, before the COMMIT can start: that part's inserts are on every batch's critical path
 * (measured on the writer thread: 11–21 µs per row under load; 64 appends of the concurrent bench all streamed in parts,
 * the commit message itself carrying none). 16 rows halve that tail against 32 for two more posts per 64 appends.
 */
const ROWS_PER_PART = 16;

/** How many command keys looked up and not found the store remembers (see absentKeys). */
const ABSENT_KEYS_REMEMBERED = 10_000;

/** A batch on its way to the writer thread (see openStreamed). */
interface StreamedBatch {
  view: BatchView;
  /** The log's last hash when the batch was opened: its first row is chained to it. */
  previousHash: string;
  requests: AppendRequest[];
  outcomes: Outcome[];
  /** Staged, not sent yet. */
  rows: EventValues[];
  keyWrites: SqlWrite[];
  partsSent: number;
}

interface WrittenBatch {
  outcomes: Outcome[];
  view: BatchView;
}

/**
 * The embedded event log. Appends requested while the event loop is busy are written together in one
 * durable transaction (group commit); each is checked on its own, and its promise settles after COMMIT.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: SqliteDatabase;
  private readonly clock: Clock;
  private readonly revisions: RevisionCache;
  /**
   * Command keys a caller looked up and did not find (the CommandHandler does before every keyed command): staging that
   * command's append need not ask the database again. The store is the file's only writer, so a key stays absent until
   * the store itself commits it (settle forgets it then).
   */
  private readonly absentKeys = new Set<string>();
  private readonly waiters = new AppendWaiters();
  private readonly tail = new LogTail();
  private readonly counters: EventStoreStats = { transactions: 0, appends: 0, events: 0 };
  private queue: AppendRequest[] = [];
  private flushScheduled = false;
  private closed = false;
  private head: number;
  /** The chain hash of the event at `head`. */
  private lastHash: string;
  private readonly writerThreadAllowed: boolean;
  /** Started with the first concurrent commit: a store that only reads (an audit) or writes alone never has one. */
  private writer: SqlWriterThread | undefined;
  /** The batch the writer thread is committing; appends wait in `queue` meanwhile and form the next batch. */
  private inFlight: Promise<void> | undefined;
  /** The batch being streamed to the writer thread, before its commit. */
  private streamed: StreamedBatch | undefined;
  private concurrentUntil = 0;
  private readonly commitMode = new CommitModeChooser();
  private readonly path: string;
  private readonly checkpointerAfter: number | false;
  private checkpointer?: BackgroundCheckpointer;

  private readonly insertEvent: Database.Statement<[...EventValues, string]>;
  private readonly selectChain: Database.Statement<[], [...EventValues, string | null]>;
  private readonly selectLastHash: Database.Statement<[], { hash: string | null }>;
  private readonly insertCommandKey: Database.Statement<[string, string, string, number, string, string]>;
  private readonly selectCommandKey: Database.Statement<[string], CommandKeyRow>;
  private readonly selectLastRevision: Database.Statement<[string], { revision: number | null }>;
  private readonly selectStream: Database.Statement<[string, number], EventValues>;
  private readonly selectAll: Database.Statement<[number, number], EventValues>;
  private readonly selectAllOfTypes: Database.Statement<[number, string, number], EventValues>;
  private readonly selectPayloads: Database.Statement<[number, number], PayloadValues>;
  private readonly selectHead: Database.Statement<[], { head: number | null }>;
  private readonly writeBatchInTransaction: Database.Transaction<(batch: AppendRequest[], isolate: boolean) => WrittenBatch>;
  private readonly writeInSavepoint: Database.Transaction<(staged: StagedAppend) => void>;

  private readonly committed: CommittedLog = {
    lastRevision: (streamId) => this.lastRevision(streamId),
    commandKey: (key) => (this.absentKeys.has(key) ? undefined : this.commandKeyNow(key)),
  };

  constructor(options: SqliteEventStoreOptions) {
    this.clock = options.clock;
    this.revisions = new RevisionCache(options.revisionCacheSize ?? 100_000);
    this.path = options.path;
    this.checkpointerAfter = options.path === ':memory:' ? false : (options.backgroundCheckpointsAfter ?? 64);
    this.db = openDatabase(options.path, 'FULL', { pageSize: LOG_PAGE_SIZE });
    createEventLogSchema(this.db);
    this.writerThreadAllowed = (options.writerThread ?? true) && options.path !== ':memory:';

    this.insertEvent = this.db.prepare(INSERT_EVENT);
    this.selectChain = this.db.prepare<[], [...EventValues, string | null]>(`SELECT ${EVENT_COLUMNS}, hash FROM events ORDER BY position`).raw(true);
    this.selectLastHash = this.db.prepare('SELECT hash FROM events ORDER BY position DESC LIMIT 1');
    this.insertCommandKey = this.db.prepare(INSERT_COMMAND_KEY);
    this.selectCommandKey = this.db.prepare('SELECT * FROM command_keys WHERE key = ?');
    this.selectLastRevision = this.db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?');
    this.selectStream = this.selectValues<[string, number]>('WHERE stream_id = ? AND revision >= ? ORDER BY revision');
    this.selectAll = this.selectValues<[number, number]>('WHERE position > ? ORDER BY position LIMIT ?');
    // A scan in position order that SQLite filters itself (no index on type: appends stay as cheap as they are);
    // only the matching rows cross into JavaScript.
    this.selectAllOfTypes = this.selectValues<[number, string, number]>(
      'WHERE position > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position LIMIT ?',
    );
    this.selectPayloads = this.db
      .prepare<[number, number], PayloadValues>(`SELECT ${PAYLOAD_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(true);
    this.selectHead = this.db.prepare('SELECT MAX(position) AS head FROM events');
    this.writeBatchInTransaction = this.db.transaction((batch: AppendRequest[], isolate: boolean) => this.writeBatch(batch, isolate));
    this.writeInSavepoint = this.db.transaction((staged: StagedAppend) => this.write(staged));
    this.head = this.readHead();
    this.lastHash = this.readLastHash();
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    return new Promise((resolve, reject) => {
      const request: AppendRequest = { streamId, events, expected, commandKey: options.commandKey, resolve, reject };
      if (this.streamed) this.stageStreamed(this.streamed, request);
      else if (!this.inFlight && this.queue.length === 0 && this.onWriterThreadNow(performance.now())) this.stageStreamed((this.streamed = this.openStreamed()), request);
      else this.queue.push(request);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate, not a microtask: appends issued by other callbacks of this loop turn join the batch.
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const rows = this.selectStream.all(streamId, fromRevision);
    // Read to the end of the stream: its last row is the committed revision (this store is the file's only writer);
    // nothing from revision 0 is a stream not written yet, as a new aggregate's first command finds it.
    if (rows.length > 0) this.revisions.set(streamId, rows[rows.length - 1][3]);
    else if (fromRevision <= 0) this.revisions.set(streamId, -1);
    return rows.map(toRecordedEvent);
  }

  knownRevision(streamId: string): number | undefined {
    return this.revisions.get(streamId);
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    if (limit <= 0) return [];
    return (this.tail.read(afterPosition, limit) ?? this.selectAll.all(afterPosition, limit)).map(toRecordedEvent);
  }

  async readAllOfTypes(types: readonly string[], afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    if (limit <= 0 || types.length === 0) return [];
    return this.selectAllOfTypes.all(afterPosition, JSON.stringify(types), limit).map(toRecordedEvent);
  }

  /**
   * Six columns of the fifteen: SQLite decodes and JavaScript allocates less than half of each row. The data of an
   * event the reader does not need is left unparsed.
   */
  async readAllPayloads(afterPosition: number, limit: number, needs?: (eventType: string) => boolean): Promise<RecordedEvent[]> {
    if (limit <= 0) return [];
    const rows = this.selectPayloads.all(afterPosition, limit);
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) events[i] = toPayloadEvent(rows[i], needs === undefined || needs(rows[i][3]));
    return events;
  }

  /** Reads the whole log in position order on this connection (what is committed when it starts). */
  async verifyChain(): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    for (const row of this.selectChain.iterate()) {
      const hash = row.pop() as string | null;
      if (!verifier.check(row as unknown as EventValues, hash)) break;
    }
    return verifier.report();
  }

  async headPosition(): Promise<number> {
    return this.head;
  }

  async findCommandKey(key: string): Promise<CommandKeyRecord | undefined> {
    const record = this.commandKeyNow(key);
    if (!record) {
      if (this.absentKeys.size >= ABSENT_KEYS_REMEMBERED) this.absentKeys.clear();
      this.absentKeys.add(key);
    }
    return record;
  }

  waitForAppend(afterPosition: number, signal?: AbortSignal): Promise<void> {
    if (this.head > afterPosition || this.closed || signal?.aborted) return Promise.resolve();
    return this.waiters.wait(afterPosition, signal);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.inFlight || this.queue.length > 0 || this.streamed) {
      await this.inFlight;
      this.flush();
    }
    this.closed = true;
    this.waiters.releaseAll();
    await this.writer?.stop();
    // Before the writer's connection: closing the last connection checkpoints what is left and removes the WAL.
    await this.checkpointer?.stop();
    this.db.close();
  }

  stats(): EventStoreStats {
    return { ...this.counters };
  }

  /** The connection's journal mode and synchronous level, as SQLite reports them. */
  durability(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' } {
    const levels = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: levels[Number(this.db.pragma('synchronous', { simple: true }))],
    };
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.streamed) return this.commitStreamed(this.streamed);
    if (this.inFlight) return; // the batch in flight flushes the queue when it is committed
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const now = performance.now();
    if (batch.length > 1) this.concurrentUntil = now + CONCURRENT_FOR_MS;
    if (!this.onWriterThreadNow(now)) return this.flushHere(batch);
    const streamed = this.openStreamed();
    for (const request of batch) this.stageStreamed(streamed, request);
    this.commitStreamed(streamed);
  }

  private onWriterThreadNow(now: number): boolean {
    return this.writerThreadAllowed && now < this.concurrentUntil && this.commitMode.modeAt(now) === 'thread';
  }

  /**
   * A batch for the writer thread, staged here as its appends arrive (checks, positions, rows); its rows cross in parts
   * of ROWS_PER_PART, each row as its JSON text, and the thread chains and inserts a part while the event loop stages the next
   * (the commands of a busy loop overlap with the writing of those before them). Appends that arrive while it is being
   * committed wait in the queue for the next batch.
   */
  private openStreamed(): StreamedBatch {
    const view = new BatchView(this.committed, this.head, this.lastHash, this.clock.now().toISOString(), false);
    return { view, previousHash: this.lastHash, requests: [], outcomes: [], rows: [], keyWrites: [], partsSent: 0 };
  }

  private stageStreamed(batch: StreamedBatch, request: AppendRequest): void {
    batch.requests.push(request);
    try {
      const staged = batch.view.stage(request);
      batch.view.accept(staged);
      batch.outcomes.push({ request, staged });
      for (const row of staged.rows) batch.rows.push(row);
      const key = staged.commandKey;
      if (key) batch.keyWrites.push([INSERT_COMMAND_KEY, [key.key, key.requestHash, key.streamId, key.revision, JSON.stringify(key.eventIds), key.recordedAt]]);
    } catch (error) {
      batch.outcomes.push({ request, error });
    }
    if (batch.rows.length >= ROWS_PER_PART) {
      this.writerThread().stream(this.nextPart(batch), batch.keyWrites);
      batch.keyWrites = [];
    }
  }

  private nextPart(batch: StreamedBatch): ChainedRows {
    const part = { sql: INSERT_EVENT, previousHash: batch.partsSent === 0 ? batch.previousHash : undefined, rowsJson: batch.rows.map((row) => JSON.stringify(row)) };
    batch.partsSent++;
    batch.rows = [];
    return part;
  }

  /**
   * Commits a streamed batch on the writer thread. A batch the database refuses (a reused event id) is written again
   * here, one savepoint per append, so that only the faulty append fails.
   */
  private commitStreamed(batch: StreamedBatch): void {
    this.streamed = undefined;
    const { view, outcomes, requests } = batch;
    if (requests.length > 1) this.concurrentUntil = performance.now() + CONCURRENT_FOR_MS;
    if (batch.partsSent === 0 && batch.rows.length === 0 && batch.keyWrites.length === 0) return this.settle({ outcomes, view });
    const lastPosition = view.head;
    const loopBefore = performance.eventLoopUtilization();
    this.inFlight = this.writerThread()
      .commitChained(this.nextPart(batch), batch.keyWrites)
      .then(
        (lastHash) => {
          const utilisation = performance.eventLoopUtilization(loopBefore).utilization;
          view.lastHash = lastHash;
          const eventsBefore = this.counters.events;
          this.settle({ outcomes, view });
          this.commitMode.committed('thread', this.counters.events - eventsBefore, performance.now(), utilisation);
        },
        (error: unknown) => {
          if (error instanceof SqlWriteError && isConstraintViolation(error)) return this.flushHere(requests);
          // The thread died: whether the batch is on disk only the file can tell.
          if (this.readHead() >= lastPosition) {
            view.lastHash = this.readLastHash();
            return this.settle({ outcomes, view });
          }
          this.forgetCaches();
          for (const request of requests) request.reject(error);
        },
      );
    void this.inFlight.finally(() => {
      this.inFlight = undefined;
      if (this.queue.length > 0) {
        this.concurrentUntil = performance.now() + CONCURRENT_FOR_MS;
        this.flush();
      }
    });
  }

  private writerThread(): SqlWriterThread {
    // With the checkpointer, the writer thread too leaves the WAL to it up to the safety net.
    const walAutocheckpointPages = this.checkpointerAfter === false ? undefined : SAFETY_AUTOCHECKPOINT_PAGES;
    this.writer ??= new SqlWriterThread(this.path, 'FULL', { walAutocheckpointPages });
    return this.writer;
  }

  private flushHere(batch: AppendRequest[]): void {
    let written: WrittenBatch;
    try {
      written = this.writeBatchOnce(batch);
    } catch (error) {
      this.forgetCaches();
      for (const request of batch) request.reject(error);
      return;
    }
    const eventsBefore = this.counters.events;
    this.settle(written);
    this.commitMode.committed('inline', this.counters.events - eventsBefore, performance.now());
  }

  private forgetCaches(): void {
    this.revisions.clear();
    this.absentKeys.clear();
    this.tail.clear();
    this.head = this.readHead();
    this.lastHash = this.readLastHash();
  }

  /** A committed batch: its revisions and rows become known, its appends are answered, followers are woken. */
  private settle(written: WrittenBatch): void {
    this.counters.transactions++;
    if (this.counters.transactions === this.checkpointerAfter) this.startCheckpointer();
    for (const [streamId, revision] of written.view.revisions) this.revisions.set(streamId, revision);
    this.head = written.view.head;
    this.lastHash = written.view.lastHash;
    for (const outcome of written.outcomes) {
      if ('error' in outcome) {
        outcome.request.reject(outcome.error);
      } else {
        this.counters.appends++;
        this.counters.events += outcome.staged.rows.length;
        if (outcome.staged.commandKey) this.absentKeys.delete(outcome.staged.commandKey.key);
        this.tail.add(outcome.staged.rows);
        outcome.request.resolve(outcome.staged.result);
      }
    }
    this.waiters.release(this.head);
  }

  /**
   * Writes the batch without savepoints; if a row is refused by the database (e.g. a reused event id)
   * the whole transaction rolls back and the batch is written again with one savepoint per append,
   * so only the faulty append fails.
   */
  private writeBatchOnce(batch: AppendRequest[]): WrittenBatch {
    try {
      return this.writeBatchInTransaction.immediate(batch, false);
    } catch (error) {
      if (!isConstraintViolation(error)) throw error;
      return this.writeBatchInTransaction.immediate(batch, true);
    }
  }

  private writeBatch(batch: AppendRequest[], isolate: boolean): WrittenBatch {
    const view = new BatchView(this.committed, this.head, this.lastHash, this.clock.now().toISOString());
    const outcomes: Outcome[] = [];
    for (const request of batch) {
      let staged: StagedAppend;
      try {
        staged = view.stage(request);
      } catch (error) {
        outcomes.push({ request, error });
        continue;
      }
      if (isolate) {
        try {
          this.writeInSavepoint(staged);
        } catch (error) {
          outcomes.push({ request, error });
          continue;
        }
      } else {
        this.write(staged);
      }
      view.accept(staged);
      outcomes.push({ request, staged });
    }
    return { outcomes, view };
  }

  private write(staged: StagedAppend): void {
    staged.rows.forEach((row, i) => this.insertEvent.run(...row, staged.hashes[i]));
    const key = staged.commandKey;
    if (key) {
      this.insertCommandKey.run(key.key, key.requestHash, key.streamId, key.revision, JSON.stringify(key.eventIds), key.recordedAt);
    }
  }

  private startCheckpointer(): void {
    this.checkpointer = new BackgroundCheckpointer({ path: this.path });
    this.db.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
  }

  /** Rows come back as value arrays in EVENT_COLUMNS order. */
  private selectValues<P extends unknown[]>(where: string): Database.Statement<P, EventValues> {
    return this.db.prepare<P, EventValues>(`SELECT ${EVENT_COLUMNS} FROM events ${where}`).raw(true);
  }

  private lastRevision(streamId: string): number {
    const cached = this.revisions.get(streamId);
    if (cached !== undefined) return cached;
    const revision = this.selectLastRevision.get(streamId)?.revision ?? -1;
    this.revisions.set(streamId, revision);
    return revision;
  }

  private commandKeyNow(key: string): CommandKeyRecord | undefined {
    const row = this.selectCommandKey.get(key);
    return row && toCommandKeyRecord(row);
  }

  private readLastHash(): string {
    return this.selectLastHash.get()?.hash ?? GENESIS_HASH;
  }

  private readHead(): number {
    return this.selectHead.get()?.head ?? 0;
  }
}

const isConstraintViolation = (error: unknown): boolean =>
  typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_CONSTRAINT');
