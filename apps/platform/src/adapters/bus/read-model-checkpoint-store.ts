import type { CheckpointStore, ReadModelStore } from '@aftersales/kernel';

/**
 * A checkpoint kept in the read-model store, as an empty batch of a pseudo-projection: where the Kafka publisher of a
 * process resumes. The SQLite bus keeps its own next to its messages; Kafka has nowhere local to keep one.
 */
export class ReadModelCheckpointStore implements CheckpointStore {
  constructor(private readonly readModels: ReadModelStore) {}

  async get(name: string): Promise<number | undefined> {
    const position = await this.readModels.checkpoint(name);
    return position > 0 ? position : undefined;
  }

  async set(name: string, position: number): Promise<void> {
    if (!Number.isInteger(position) || position < 0) throw new RangeError(`invalid checkpoint position ${position}`);
    await this.readModels.commit({ projection: name, checkpoint: position, puts: [], deletes: [] });
  }
}
