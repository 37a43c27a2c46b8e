import { Worker } from 'node:worker_threads';
import { EVENT_COLUMNS, EVENT_PLACEHOLDERS, type EventValues } from './event-log-schema';

/** A command key row as the writer inserts it: key, request hash, stream, revision, event ids (JSON), recorded at. */
export type CommandKeyValues = [string, string, string, number, string, string];

/** What the writer thread answers for one batch. */
interface WriteAnswer {
  id: number;
  error?: { message: string; code?: string };
}

/**
 * The thread's whole program, evaluated as a script (a file would have to exist as .ts under jest and as .js once
 * built). Its own connection, `synchronous = FULL` like the store's, writes each batch in one IMMEDIATE transaction:
 * when it answers, the batch's WAL frames are on disk.
 */
const WRITER_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insertEvent = db.prepare(workerData.insertEvent);
const insertCommandKey = db.prepare(workerData.insertCommandKey);
const write = db.transaction((events, keys) => {
  for (const row of events) insertEvent.run(row);
  for (const key of keys) insertCommandKey.run(key);
});
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    write.immediate(message.events, message.keys);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/** An error the writer thread's database reported, with SQLite's code (e.g. SQLITE_CONSTRAINT_UNIQUE). */
export class LogWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Commits batches of the event log on a worker thread, so that the event loop goes on serving requests while the
 * commit waits for its fsync (most of a durable commit's time). One batch at a time; the store stages and checks it.
 */
export class LogWriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(): void; reject(error: unknown): void }>();
  private readonly exited: Promise<void>;
  private nextId = 0;
  private failure: Error | undefined;

  constructor(path: string) {
    this.worker = new Worker(WRITER_PROGRAM, {
      eval: true,
      workerData: {
        path,
        driver: require.resolve('better-sqlite3'),
        insertEvent: `INSERT INTO events (${EVENT_COLUMNS}) VALUES (${EVENT_PLACEHOLDERS})`,
        insertCommandKey: 'INSERT INTO command_keys (key, request_hash, stream_id, revision, event_ids, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
      },
    });
    this.worker.unref(); // idle, it must not keep a process alive
    this.worker.on('message', (answer: WriteAnswer) => this.answer(answer));
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    void this.exited.then(() => this.fail(new Error('the event log writer thread stopped')));
  }

  /** Resolves once the rows are committed and on disk; rejects (committing nothing) with the database's error. */
  write(events: EventValues[], keys: CommandKeyValues[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref(); // a commit in flight keeps the process alive until it is answered
      this.worker.postMessage({ id, events, keys });
    });
  }

  async stop(): Promise<void> {
    if (!this.failure) {
      this.worker.ref(); // waiting for the thread to end must keep the process alive
      this.worker.postMessage('stop');
    }
    await this.exited;
  }

  private answer({ id, error }: WriteAnswer): void {
    const waiter = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!waiter) return;
    if (error) waiter.reject(new LogWriteError(error.message, error.code));
    else waiter.resolve();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
