import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@aftersales/kernel';

/**
 * A manual clock that remembers where it was moved to, so a restart never sends time backwards past
 * events already recorded.
 */
export class PersistentManualClock extends ManualClock {
  private readonly file: string;

  constructor(dataDir: string, start?: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'manual-clock.json');
    const saved = readSaved(file);
    const configured = start ? Date.parse(start) : Date.now();
    if (Number.isNaN(configured)) throw new Error(`AFTERSALES_CLOCK_START is not a date: ${start}`);
    super(new Date(saved ?? configured));
    this.file = file;
    this.persist();
  }

  override set(to: Date): void {
    super.set(to);
    this.persist();
  }

  private persist(): void {
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, JSON.stringify({ now: this.now().toISOString() }));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.file);
  }
}

function readSaved(file: string): number | undefined {
  try {
    return Date.parse((JSON.parse(readFileSync(file, 'utf8')) as { now: string }).now);
  } catch {
    return undefined;
  }
}
