/** The per-process admin calls the coordinator composes (HTTP in the gateway, fakes in unit tests). */
export interface ProcessAdmin {
  readonly name: string;
  settle(): Promise<{ head: number; lag: number }>;
  nextTimer(): Promise<string | null>;
  now(): Promise<string>;
  setClock(to: string): Promise<void>;
  fireDue(): Promise<number>;
}

const MAX_SETTLE_ROUNDS = 100;

/**
 * System-wide settle and time travel over processes that each have their own log, timers and manual clock.
 */
export class Coordinator {
  constructor(private readonly processes: () => ProcessAdmin[]) {}

  /**
   * Settles every process, again and again, until a whole round changed no process's log and left no consumer lag:
   * then every event published anywhere was consumed everywhere, and nothing new came of it.
   */
  async settle(): Promise<{ rounds: number }> {
    let previous: string | undefined;
    for (let round = 1; round <= MAX_SETTLE_ROUNDS; round++) {
      const results = await Promise.all(this.processes().map((process) => process.settle()));
      const heads = JSON.stringify(results.map((result) => result.head));
      if (heads === previous && results.every((result) => result.lag === 0)) return { rounds: round };
      previous = heads;
    }
    throw new Error(`the processes did not settle after ${MAX_SETTLE_ROUNDS} rounds: events keep causing events`);
  }

  /** Business time now: the latest of the processes' clocks (they are moved together, so they agree). */
  async now(): Promise<string> {
    const times = await Promise.all(this.processes().map((process) => process.now()));
    return times.reduce((latest, time) => (Date.parse(time) > Date.parse(latest) ? time : latest));
  }

  /**
   * Moves every clock forward by `ms` through each deadline on the way: the earliest due timer of any process sets
   * every clock, the due timers fire, everything settles (which may schedule more), and again; then the target.
   */
  async advance(ms: number): Promise<{ now: string; firedTimers: number }> {
    const target = Date.parse(await this.now()) + ms;
    let current = Date.parse(await this.now());
    let firedTimers = 0;
    for (;;) {
      await this.settle();
      const dues = (await Promise.all(this.processes().map((process) => process.nextTimer()))).filter((due): due is string => due !== null);
      const next = Math.min(...dues.map((due) => Date.parse(due)));
      if (!Number.isFinite(next) || next > target) break;
      if (next > current) {
        await this.setAll(next);
        current = next;
      }
      const fired = await this.fireAll();
      firedTimers += fired;
      if (fired === 0) break; // a due timer that keeps failing: do not spin; it stays pending
    }
    await this.setAll(target);
    firedTimers += await this.fireAll();
    await this.settle();
    return { now: new Date(target).toISOString(), firedTimers };
  }

  private async setAll(to: number): Promise<void> {
    const iso = new Date(to).toISOString();
    await Promise.all(this.processes().map((process) => process.setClock(iso)));
  }

  private async fireAll(): Promise<number> {
    const fired = await Promise.all(this.processes().map((process) => process.fireDue()));
    return fired.reduce((sum, count) => sum + count, 0);
  }
}
