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
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or locked: try again at the next tick
  }
  timer = setTimeout(checkpoint, workerData.intervalMs);
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
  /**
   * Pause between checkpoints (default 1 000 ms). A checkpoint copies every page the log changed since the last one
   * and fsyncs the database file: a page the log rewrote a hundred times in between is copied once. Every 5–20 ms, as
   * first tried, copied nearly every frame the log wrote (the bytes written per note of `pnpm bench` went up by a third)
   * and added an fsync per commit on the disk the log's commits wait on.
   */
  intervalMs?: number;
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
      workerData: { path: options.path, driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 1_000 },
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
