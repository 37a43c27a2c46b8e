import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program, evaluated as a script (a file would have to exist both as .ts under jest and as .js once
 * built). Its own connection runs PASSIVE checkpoints: they copy committed WAL frames into the database file and never
 * take the write lock, so the writer is not held up. synchronous=FULL makes SQLite fsync the WAL before copying and the
 * database file before it records the frames as copied, so a WAL restart never drops a frame that is not on disk.
 */
const WORKER_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('synchronous = FULL');
let timer;
const checkpoint = () => {
  let caughtUp = true;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    caughtUp = result.busy !== 0 || result.log <= 0 || result.checkpointed >= result.log;
  } catch {
    // busy or locked: try again at the next tick
  }
  timer = setTimeout(checkpoint, caughtUp ? workerData.idleMs : workerData.behindMs);
};
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
checkpoint();
`;

export interface BackgroundCheckpointerOptions {
  /** Database file (in WAL mode) whose log is copied into it. */
  path: string;
  /** Pause between checkpoints once the database file has caught up with the log (default 20 ms). */
  idleMs?: number;
  /**
   * Pause between checkpoints while the log runs ahead (default 5 ms): each checkpoint fsyncs the database file, and
   * back to back they would add one fsync per commit to the disk the writer's WAL fsyncs wait on.
   */
  behindMs?: number;
}

/**
 * Checkpoints a WAL database on a worker thread, so the thread that commits (the event loop) does not copy the log
 * into the database file and fsync it every thousand pages. It changes nothing about commits: each still fsyncs the WAL
 * before it returns. The writer keeps a high `wal_autocheckpoint` as a safety net should this worker fall behind.
 */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(options: BackgroundCheckpointerOptions) {
    this.worker = new Worker(WORKER_PROGRAM, {
      eval: true,
      workerData: { path: options.path, driver: require.resolve('better-sqlite3'), idleMs: options.idleMs ?? 20, behindMs: options.behindMs ?? 5 },
    });
    // A store that is never closed must not keep the process alive.
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // A failed checkpointer only means the writer checkpoints by itself again (the safety net).
    this.worker.on('error', () => undefined);
  }

  /** Closes the worker's connection and waits for the thread to end. */
  async stop(): Promise<void> {
    // Referenced again: an event loop with nothing else to do must wait for the thread, not end while it stops.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
