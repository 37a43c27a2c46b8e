import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

interface PendingLine {
  text: string;
  done(error?: unknown): void;
}

/**
 * An append-only file whose appends resolve once they are on disk. Appends that arrive while a write is in progress
 * share the next write and its one fsync (group commit), and the writing happens off the event loop, so a burst of
 * payments costs a few fsyncs instead of one blocking fsync each.
 */
export class DurableJournal {
  private pending: PendingLine[] = [];
  private writing: Promise<void> | undefined;
  private directoryReady = false;

  constructor(private readonly file: string) {}

  append(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ text, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.writing ??= this.writeWhilePending();
    });
  }

  /** One open file for a burst of batches (each written and fsync'd on its own), closed once nothing waits. */
  private async writeWhilePending(): Promise<void> {
    let handle: FileHandle | undefined;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        handle ??= await this.open();
        await handle.appendFile(batch.map((line) => line.text).join(''));
        await handle.sync();
        batch.forEach((line) => line.done());
      } catch (error) {
        batch.forEach((line) => line.done(error));
        await handle?.close().catch(() => undefined); // the next batch opens the file again
        handle = undefined;
      }
    }
    this.writing = undefined;
    await handle?.close().catch(() => undefined);
  }

  private async open(): Promise<FileHandle> {
    if (!this.directoryReady) {
      await mkdir(dirname(this.file), { recursive: true });
      this.directoryReady = true;
    }
    return open(this.file, 'a');
  }
}
