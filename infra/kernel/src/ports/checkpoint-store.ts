/** A named, durable position in the log: where a log follower (e.g. the bus publisher) resumes after a restart. */
export interface CheckpointStore {
  /** The saved position, or undefined when nothing was saved under that name yet. */
  get(name: string): Promise<number | undefined>;
  set(name: string, position: number): Promise<void>;
}
