import type { AppendOptions, AppendResult, ChainReport, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../ports/event-store';

/**
 * The event store as a set of log followers read it (the engine's projections and timer projector; the groups of a log
 * bus). They all follow the same tail, each at its own position, so the newest events are kept here once read and parsed: a follower asking
 * for events inside that window gets them from memory, and only what lies past it is read from the log. The log is
 * append-only, so what was after a position stays after it. A read from before the window (a rebuild, a follower far
 * behind) goes to the log and keeps nothing here, unless it reaches the head; then the window starts over from it.
 */
const EXTEND_BY = 1_000;

export class SharedTailReads implements EventStore {
  /** Every event after `tailFrom` up to the last one in `tail`, oldest first. */
  private tail: RecordedEvent[] = [];
  private tailFrom = -1;
  private extending?: Promise<void>;

  constructor(
    private readonly log: EventStore,
    private readonly window = 4_096,
  ) {}

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    const head = await this.log.headPosition();
    if (afterPosition >= head || limit <= 0) return []; // a follower at the head asks again after every batch it commits
    if (this.tail.length === 0 || afterPosition < this.tailFrom) {
      const events = await this.log.readAll(afterPosition, limit);
      if (!this.extending && events.length > 0 && events[events.length - 1].position >= head) {
        this.tail = events;
        this.tailFrom = afterPosition;
      }
      return events;
    }
    if (this.tail.length - this.firstAfter(afterPosition) < limit && this.tailEnd() < head) {
      // Followers woken by the same append share one read of what it added.
      await (this.extending ??= this.extend().finally(() => (this.extending = undefined)));
      if (afterPosition < this.tailFrom || afterPosition > this.tailEnd()) return this.log.readAll(afterPosition, limit);
    }
    const first = this.firstAfter(afterPosition);
    return this.tail.slice(first, first + limit);
  }

  /** Filtered scans (the audit) are not what followers do: straight to the log. */
  readAllOfTypes(types: readonly string[], afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    return this.log.readAllOfTypes(types, afterPosition, limit);
  }

  /** Rebuilds of projections that read payloads only: straight to the log, as a read from before the window would. */
  readAllPayloads(afterPosition: number, limit: number, needs?: (eventType: string) => boolean): Promise<RecordedEvent[]> {
    return this.log.readAllPayloads ? this.log.readAllPayloads(afterPosition, limit, needs) : this.log.readAll(afterPosition, limit);
  }

  verifyChain(): Promise<ChainReport> {
    return this.log.verifyChain();
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    return this.log.append(streamId, events, expected, options);
  }

  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return this.log.readStream(streamId, fromRevision);
  }

  headPosition(): Promise<number> {
    return this.log.headPosition();
  }

  findCommandKey(key: string): ReturnType<EventStore['findCommandKey']> {
    return this.log.findCommandKey(key);
  }

  knownRevision(streamId: string): number | undefined {
    return this.log.knownRevision?.(streamId);
  }

  waitForAppend(afterPosition: number, signal?: AbortSignal): Promise<void> {
    return this.log.waitForAppend(afterPosition, signal);
  }

  close(): Promise<void> {
    return this.log.close();
  }

  private tailEnd(): number {
    return this.tail[this.tail.length - 1].position;
  }

  /** Index of the first event in the window past `position`. */
  private firstAfter(position: number): number {
    let low = 0;
    let high = this.tail.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.tail[middle].position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Reads what the log holds past the window into it. */
  private async extend(): Promise<void> {
    const more = await this.log.readAll(this.tailEnd(), EXTEND_BY);
    for (const event of more) this.tail.push(event);
    this.trim();
  }

  /** Drops the oldest events once the window holds twice its size. */
  private trim(): void {
    if (this.tail.length <= 2 * this.window) return;
    const dropped = this.tail.length - this.window;
    this.tailFrom = this.tail[dropped - 1].position;
    this.tail = this.tail.slice(dropped);
  }
}
