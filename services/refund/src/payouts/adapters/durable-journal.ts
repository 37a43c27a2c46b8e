import { mkdir, open } from 'node:fs/promises';
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

  private async writeWhilePending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.writeDurably(batch.map((line) => line.text).join(''));
        batch.forEach((line) => line.done());
      } catch (error) {
        batch.forEach((line) => line.done(error));
      }
    }
    this.writing = undefined;
  }

  private async writeDurably(text: string): Promise<void> {
    if (!this.directoryReady) {
      await mkdir(dirname(this.file), { recursive: true });
      this.directoryReady = true;
    }
    const handle = await open(this.file, 'a');
    try {
      await handle.appendFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
