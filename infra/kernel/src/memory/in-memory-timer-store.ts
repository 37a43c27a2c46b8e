import type { Timer, TimerInstruction, TimerStore } from '../ports/timer-store';

/** Durable timers in memory, for unit tests of the scheduler and services. */
export class InMemoryTimerStore implements TimerStore {
  private readonly timers = new Map<string, Timer & { firedAt?: string }>();
  private position = 0;

  /** Cancels before schedules, so an event that moves a deadline cancels and re-schedules the same id. */
  async apply(position: number, instructions: TimerInstruction): Promise<void> {
    if (position <= this.position) return;
    for (const id of instructions.cancel ?? []) if (!this.timers.get(id)?.firedAt) this.timers.delete(id);
    for (const timer of instructions.schedule ?? []) {
      if (!this.timers.get(timer.timerId)?.firedAt) this.timers.set(timer.timerId, structuredClone(timer));
    }
    this.position = position;
  }

  async checkpoint(): Promise<number> {
    return this.position;
  }

  async due(now: Date, limit: number): Promise<Timer[]> {
    return (await this.pending()).filter((t) => Date.parse(t.dueAt) <= now.getTime()).slice(0, limit);
  }

  async next(): Promise<Timer | undefined> {
    return (await this.pending())[0];
  }

  async markFired(timerId: string, firedAt: Date): Promise<void> {
    const timer = this.timers.get(timerId);
    if (timer && !timer.firedAt) timer.firedAt = firedAt.toISOString();
  }

  async pending(): Promise<Timer[]> {
    return [...this.timers.values()]
      .filter((t) => !t.firedAt)
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.timerId < b.timerId ? -1 : 1))
      .map(({ firedAt: _firedAt, ...timer }) => structuredClone(timer));
  }

  async flush(): Promise<void> {} // every instruction is written as it is applied

  async close(): Promise<void> {}
}
