import type { CheckpointStore } from '@aftersales/kernel';
import type { BusStorage } from './bus-storage';

/** Checkpoints kept in the bus database, next to the messages whose publication they track. */
export class SqliteCheckpointStore implements CheckpointStore {
  constructor(private readonly storage: BusStorage) {}

  async get(name: string): Promise<number | undefined> {
    return this.storage.getCheckpoint(name);
  }

  async set(name: string, position: number): Promise<void> {
    if (!Number.isInteger(position) || position < 0) throw new RangeError(`invalid checkpoint position ${position}`);
    this.storage.setCheckpoint(name, position);
  }
}
