import type Database from 'better-sqlite3';
import type { DatabaseSource, Durability } from './open-database';
import { SqlWriterThread, type SqlWrite } from './sql-writer-thread';

/**
 * A store's writes, here or on a writer thread (only for a store that opens its own file). With a thread, each write
 * waits for the one before it, so the file has one writer at a time, and the statements a write runs are recorded and
 * sent as one transaction; without one, statements run here, in the caller's transaction.
 */
export class ThreadedWrites {
  readonly thread: SqlWriterThread | undefined;
  private writes: Promise<void> = Promise.resolve();
  private recording: SqlWrite[] | undefined;

  constructor(source: DatabaseSource, owned: boolean, durability: Durability, onThread: boolean) {
    this.thread = onThread && owned && 'path' in source && source.path !== ':memory:' ? new SqlWriterThread(source.path, durability) : undefined;
  }

  /** Runs the statement here, or records it for the writer thread. */
  run(statement: Database.Statement<unknown[]>, params: unknown[]): void {
    if (this.recording) this.recording.push([statement.source, params]);
    else statement.run(params);
  }

  /** Runs `write` once the writes before it are done. */
  inTurn(write: () => Promise<void>): Promise<void> {
    const run = this.writes.then(write);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Records the statements `build` runs (it throws, sending nothing, on what it cannot store) and commits them on the thread. */
  async onThread(thread: SqlWriterThread, build: () => void): Promise<void> {
    this.recording = [];
    try {
      build();
      if (this.recording.length > 0) await thread.run(this.recording.splice(0));
    } finally {
      this.recording = undefined;
    }
  }

  /** Waits for the writes in flight, then ends the thread. */
  async stop(): Promise<void> {
    await this.writes;
    await this.thread?.stop();
  }
}
