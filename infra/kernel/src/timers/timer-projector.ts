import type { EventStore } from '../ports/event-store';
import type { TimerInstruction, TimerStore } from '../ports/timer-store';
import type { TimerPolicy } from '../platform';
import { LiveLoop } from '../support/live-loop';

/** Turns deadlines recorded in events into pending durable timers, from the timer store's checkpoint on. */
export class TimerProjector {
  private running: Promise<void> = Promise.resolve();
  private readonly loop: LiveLoop;

  constructor(
    private readonly store: EventStore,
    private readonly timers: TimerStore,
    private readonly policies: TimerPolicy[],
    private readonly batchSize = 1000,
  ) {
    this.loop = new LiveLoop(store, () => this.timers.checkpoint(), () => this.catchUp());
  }

  catchUp(): Promise<void> {
    this.running = this.running.then(() => this.processUntilHead());
    return this.running;
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.running;
  }

  private async processUntilHead(): Promise<void> {
    let from = await this.timers.checkpoint();
    for (;;) {
      const events = await this.store.readAll(from, this.batchSize);
      if (events.length === 0) return;
      for (const event of events) {
        const instruction = this.instructionsFor(event);
        if (instruction) await this.timers.apply(event.position, instruction);
      }
      from = events[events.length - 1].position;
      await this.timers.apply(from, {});
    }
  }

  private instructionsFor(event: Parameters<TimerPolicy>[0]): TimerInstruction | undefined {
    const schedule = [];
    const cancel = [];
    for (const policy of this.policies) {
      const instruction = policy(event);
      if (instruction?.schedule) schedule.push(...instruction.schedule);
      if (instruction?.cancel) cancel.push(...instruction.cancel);
    }
    return schedule.length || cancel.length ? { schedule, cancel } : undefined;
  }
}
