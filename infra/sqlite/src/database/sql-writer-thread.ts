import { Worker } from 'node:worker_threads';
import { DEFAULT_CACHE_KIB, type Durability } from './open-database';

/** A statement to run, by its SQL text, with its parameters. */
export type SqlWrite = [sql: string, params: unknown[]];

/**
 * Event rows the thread inserts chained: each row gets, as its last parameter, sha256 over the previous row's hash, a
 * newline and the row's JSON (chainHash of @aftersales/kernel; a test checks the two agree). Each row crosses as its JSON
 * text (the very bytes hashed), which costs the sending thread less than a structured clone of every value; the hashing
 * and the parsing are done there.
 */
export interface ChainedRows {
  sql: string;
  /** The hash of the row before the first (the log's last committed one); undefined: chained to the part before. */
  previousHash?: string;
  /** JSON.stringify of each row: its values in the statement's parameter order, without the hash. */
  rowsJson: string[];
}

interface WriteAnswer {
  id: number;
  /** The hash of the last chained row, when the transaction had any. */
  lastHash?: string;
  error?: { message: string; code?: string };
}

/**
 * The thread's whole program, evaluated as a script (a file would have to exist as .ts under jest and as .js once
 * built). Its own connection, set up like openDatabase's (temporary b-trees in memory, not in temp files), runs the
 * parts of a transaction as they arrive: the first part begins it (IMMEDIATE), each part's statements run at once, the
 * part marked `commit` commits it and is answered (with `synchronous = FULL`, once it is on disk). A failing part rolls
 * the transaction back; the parts after it are skipped and the commit is answered with its error. Statements are
 * prepared once per SQL text.
 */
const WRITER_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + workerData.durability);
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -' + workerData.cacheKibibytes);
db.pragma('temp_store = MEMORY');
if (workerData.walAutocheckpointPages !== undefined) db.pragma('wal_autocheckpoint = ' + workerData.walAutocheckpointPages);
const prepared = new Map();
const statement = (sql) => {
  let found = prepared.get(sql);
  if (!found) prepared.set(sql, (found = db.prepare(sql)));
  return found;
};
let open = false;
let failure;
let last;
const runPart = ({ sqls, writes, chained }) => {
  if (chained) {
    if (chained.previousHash !== undefined) last = chained.previousHash;
    const insert = statement(chained.sql);
    for (const json of chained.rowsJson) {
      last = hash('sha256', last + '\\n' + json, 'hex');
      const row = JSON.parse(json);
      row.push(last);
      insert.run(row);
    }
  }
  for (const [index, params] of writes) statement(sqls[index]).run(params);
};
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  if (!open) {
    open = true;
    failure = undefined;
    last = undefined;
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      failure = error;
    }
  }
  if (!failure) {
    try {
      runPart(message);
      if (message.commit) db.exec('COMMIT');
    } catch (error) {
      failure = error;
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  }
  if (!message.commit) return;
  open = false;
  if (failure) parentPort.postMessage({ id: message.id, error: { message: String(failure && failure.message), code: failure && failure.code } });
  else parentPort.postMessage({ id: message.id, lastHash: last });
});
`;

/** An error the writer thread's database reported, with SQLite's code (e.g. SQLITE_CONSTRAINT_UNIQUE). */
export class SqlWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Runs transactions on a worker thread with its own connection to a database file in WAL mode, so that the event loop
 * goes on serving requests while SQLite writes and fsyncs. The caller keeps it the file's only writer while a
 * transaction is in flight; its own connection reads what each transaction committed once it is answered.
 */
export class SqlWriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(answer: WriteAnswer): void; reject(error: unknown): void }>();
  private readonly exited: Promise<void>;
  private nextId = 0;
  private failure: Error | undefined;

  constructor(path: string, durability: Durability, options: { walAutocheckpointPages?: number } = {}) {
    this.worker = new Worker(WRITER_PROGRAM, {
      eval: true,
      workerData: { path, durability, cacheKibibytes: DEFAULT_CACHE_KIB, walAutocheckpointPages: options.walAutocheckpointPages, driver: require.resolve('better-sqlite3') },
    });
    this.worker.unref(); // idle, it must not keep a process alive
    this.worker.on('message', (answer: WriteAnswer) => this.answer(answer));
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    void this.exited.then(() => this.fail(new Error(`the writer thread of ${path} stopped`)));
  }

  /** Resolves once the statements are committed together; rejects (committing none) with the database's error. */
  async run(writes: readonly SqlWrite[]): Promise<void> {
    await this.send(writes, undefined, true);
  }

  /**
   * A part of the transaction the next commit ends (the first part begins it): the thread runs it as soon as it gets
   * it, while this thread stages what comes next. An error is reported by the commit, which then commits nothing.
   */
  stream(chained: ChainedRows | undefined, writes: readonly SqlWrite[]): void {
    if (!this.failure) void this.send(writes, chained, false);
  }

  /**
   * Ends the transaction with a last part (the chained rows, then the statements) and commits it. Resolves once it is
   * committed, with the hash of its last chained row; rejects (committing none) with the database's error.
   */
  async commitChained(chained: ChainedRows, writes: readonly SqlWrite[]): Promise<string> {
    return (await this.send(writes, chained, true)).lastHash as string;
  }

  private send(writes: readonly SqlWrite[], chained: ChainedRows | undefined, commit: boolean): Promise<WriteAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    const sqls: string[] = [];
    const indexOf = new Map<string, number>();
    const indexed = writes.map(([sql, params]): [number, unknown[]] => {
      let index = indexOf.get(sql);
      if (index === undefined) indexOf.set(sql, (index = sqls.push(sql) - 1));
      return [index, params];
    });
    if (!commit) {
      this.worker.postMessage({ sqls, writes: indexed, chained, commit });
      return Promise.resolve({ id: -1 });
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref(); // a transaction in flight keeps the process alive until it is answered
      this.worker.postMessage({ id, sqls, writes: indexed, chained, commit });
    });
  }

  async stop(): Promise<void> {
    if (!this.failure) {
      this.worker.ref(); // waiting for the thread to end must keep the process alive
      this.worker.postMessage('stop');
    }
    await this.exited;
  }

  private answer(answer: WriteAnswer): void {
    const { id, error } = answer;
    const waiter = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!waiter) return;
    if (error) waiter.reject(new SqlWriteError(error.message, error.code));
    else waiter.resolve(answer);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
