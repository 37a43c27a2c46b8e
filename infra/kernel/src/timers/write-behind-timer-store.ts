import type { Timer, TimerInstruction, TimerStore } from '../ports/timer-store';
import { conflicts, join, type InstructionGroup } from './instruction-groups';

export interface WriteBehindTimerOptions {
  /** Longest applied instructions wait in memory before they are written (default 1 000 ms). */
  maxDelayMs?: number;
  /** Timers scheduled or cancelled that make the next apply write at once (default 4 000). */
  maxPending?: number;
  /** Told when a write started by the timer fails (it is retried by the next apply or read). */
  onFlushError?: (error: unknown) => void;
}

/**
 * The timer projector applies the deadlines of every few events in a transaction of its own; this store holds them in
 * memory and writes them together, grouped as the projector groups a batch (a cancel of a timer the group schedules
 * starts a new group). Every read (due, next, pending, the checkpoint aside) and markFired writes what waits first, so
 * the scheduler never misses a timer. A crash loses held instructions with the checkpoint they move: the projector
 * derives them again from the log, from the last written checkpoint.
 */
export class WriteBehindTimerStore implements TimerStore {
  private groups: InstructionGroup[] = [];
  /** The store's checkpoint as last read or written (undefined until first needed). */
  private written: number | undefined;
  private pendingTimers = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly maxDelayMs: number;
  private readonly maxPending: number;

  constructor(
    private readonly store: TimerStore,
    private readonly options: WriteBehindTimerOptions = {},
  ) {
    this.maxDelayMs = options.maxDelayMs ?? 1_000;
    this.maxPending = options.maxPending ?? 4_000;
  }

  async apply(position: number, instructions: TimerInstruction): Promise<void> {
    const last = this.groups[this.groups.length - 1];
    // Like the store: a position at or before the checkpoint was applied already (and must not join a later group).
    if (position <= (last?.position ?? (this.written ??= await this.store.checkpoint()))) return;
    if (last && !conflicts(last, instructions)) join(last, position, instructions);
    else this.groups.push(join(undefined, position, instructions));
    this.pendingTimers += (instructions.schedule?.length ?? 0) + (instructions.cancel?.length ?? 0);
    if (this.pendingTimers >= this.maxPending) return this.flush();
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch((error: unknown) => this.options.onFlushError?.(error)), this.maxDelayMs);
      this.timer.unref?.(); // close() writes what waits
    }
  }

  async checkpoint(): Promise<number> {
    const last = this.groups[this.groups.length - 1];
    return last ? last.position : (this.written ??= await this.store.checkpoint());
  }

  async due(now: Date, limit: number): Promise<Timer[]> {
    await this.flush();
    return this.store.due(now, limit);
  }

  async next(): Promise<Timer | undefined> {
    await this.flush();
    return this.store.next();
  }

  async markFired(timerId: string, firedAt: Date): Promise<void> {
    await this.flush();
    return this.store.markFired(timerId, firedAt);
  }

  async pending(): Promise<Timer[]> {
    await this.flush();
    return this.store.pending();
  }

  /** Writes the held groups in order, one apply each; a group that fails is held again with those after it. */
  flush(): Promise<void> {
    const run = this.writing.then(() => this.writeHeld());
    this.writing = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.store.close();
  }

  private async writeHeld(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const held = this.groups;
    this.groups = []; // what is applied meanwhile starts a group of its own, after these
    this.pendingTimers = 0;
    for (let i = 0; i < held.length; i++) {
      try {
        await this.store.apply(held[i].position, { schedule: held[i].schedule, cancel: held[i].cancel });
        this.written = held[i].position;
      } catch (error) {
        this.groups = [...held.slice(i), ...this.groups];
        throw error;
      }
    }
  }
}
