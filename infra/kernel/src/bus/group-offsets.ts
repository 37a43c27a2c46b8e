/** Where a consumer group stands on a topic of the log bus: the log position of the last event it is done with. */
export interface TopicPosition {
  topic: string;
  position: number;
}

/**
 * The committed positions of the log bus's consumer groups, one per group and topic: offsets only, never a copy of
 * the events. Synchronous: every adapter is a local table or a map.
 */
export interface GroupOffsetStore {
  /** The group's committed position on the topic; undefined where it never committed (it starts at the log start). */
  position(groupId: string, topic: string): number | undefined;
  /** Sets the group's positions on these topics, atomically. */
  commit(groupId: string, positions: readonly TopicPosition[]): void;
  close(): void;
}

/** Offsets that live as long as the process: for tests and the in-memory runtime. */
export class InMemoryGroupOffsets implements GroupOffsetStore {
  private readonly positions = new Map<string, number>();

  position(groupId: string, topic: string): number | undefined {
    return this.positions.get(`${groupId}\u0000${topic}`);
  }

  commit(groupId: string, positions: readonly TopicPosition[]): void {
    for (const { topic, position } of positions) this.positions.set(`${groupId}\u0000${topic}`, position);
  }

  close(): void {}
}
