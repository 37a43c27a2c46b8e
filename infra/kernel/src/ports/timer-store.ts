/**
 * A durable timer: when `dueAt` passes, the scheduler dispatches `command` to the service that owns it.
 * Timers are derived from events (a deadline is an event), so they are rebuilt from the log after a crash.
 */
export interface Timer {
  timerId: string;
  service: string;
  dueAt: string;
  command: { type: string; [field: string]: unknown };
  /** Event that scheduled it: the causation of the command it fires. */
  scheduledBy: { eventId: string; correlationId: string };
}

export interface TimerInstruction {
  schedule?: Timer[];
  cancel?: string[];
}

export interface TimerStore {
  /** Applies the instructions derived from the event at `position` and moves the checkpoint, atomically. */
  apply(position: number, instructions: TimerInstruction): Promise<void>;
  checkpoint(): Promise<number>;
  /** Pending timers due at or before `now`, earliest first. */
  due(now: Date, limit: number): Promise<Timer[]>;
  /** Earliest pending timer, if any. */
  next(): Promise<Timer | undefined>;
  markFired(timerId: string, firedAt: Date): Promise<void>;
  pending(): Promise<Timer[]>;
  /** Writes what a store holds back in memory (see WriteBehindTimerStore); at once for a store that holds nothing. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
