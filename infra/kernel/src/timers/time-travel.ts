import type { ManualClock } from '../ports/clock';
import type { TimerStore } from '../ports/timer-store';
import type { TimerScheduler } from './timer-scheduler';

/**
 * Moves a manual clock forward through every deadline on the way, so each timer fires at its own due
 * time (events record the moment the deadline passed, not the end of the jump) and what a fired timer
 * schedules within the jump fires too.
 */
export class TimeTravel {
  constructor(
    private readonly clock: ManualClock,
    private readonly timers: TimerStore,
    private readonly scheduler: TimerScheduler,
    private readonly settle: () => Promise<void>,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async advance(ms: number): Promise<{ now: string; firedTimers: number }> {
    const target = this.clock.now().getTime() + ms;
    let firedTimers = 0;
    for (;;) {
      await this.settle();
      const next = await this.timers.next();
      const dueAt = next ? Date.parse(next.dueAt) : Infinity;
      if (dueAt > target) break;
      if (dueAt > this.clock.now().getTime()) this.clock.set(new Date(dueAt));
      const fired = await this.scheduler.fireDue();
      firedTimers += fired;
      if (fired === 0) break; // a due timer that keeps failing: do not spin; it stays pending
    }
    this.clock.set(new Date(target));
    firedTimers += await this.scheduler.fireDue();
    await this.settle();
    return { now: this.clock.now().toISOString(), firedTimers };
  }
}
