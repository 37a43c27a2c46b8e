import type { CheckpointStore } from '../ports/checkpoint-store';

/** Checkpoints that live as long as the process: for unit tests. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async get(name: string): Promise<number | undefined> {
    return this.positions.get(name);
  }

  async set(name: string, position: number): Promise<void> {
    this.positions.set(name, position);
  }
}
