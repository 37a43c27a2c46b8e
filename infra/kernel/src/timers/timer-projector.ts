import type { EventStore } from '../ports/event-store';
import type { TimerInstruction, TimerStore } from '../ports/timer-store';
import type { TimerPolicy } from '../platform';
import { LiveLoop } from '../support/live-loop';
import { conflicts, join, type InstructionGroup } from './instruction-groups';

/**
 * Turns deadlines recorded in events into pending durable timers, from the timer store's checkpoint on.
 *
 * The instructions of consecutive events in a read batch are written together, with the checkpoint of the last of them,
 * as long as none cancels a timer another in the group schedules (cancels are applied before schedules). Events without any only move the position held here; it
 * is written once `checkpointEvery` of them have passed (and on stop), not once per batch: replaying events that set
 * no timer after a crash changes nothing, so the checkpoint may lag behind them.
 */
export class TimerProjector {
  private running: Promise<void> = Promise.resolve();
  private readonly loop: LiveLoop;
  private position = -1;
  private written = -1;

  constructor(
    private readonly store: EventStore,
    private readonly timers: TimerStore,
    private readonly policies: TimerPolicy[],
    private readonly batchSize = 1000,
    private readonly checkpointEvery = 1000,
  ) {
    this.loop = new LiveLoop(store, () => this.currentPosition(), () => this.catchUp());
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
    if (this.position > this.written) await this.timers.apply(this.position, {});
  }

  private async currentPosition(): Promise<number> {
    if (this.position < 0) this.written = this.position = await this.timers.checkpoint();
    return this.position;
  }

  private async processUntilHead(): Promise<void> {
    let from = await this.currentPosition();
    for (;;) {
      const events = await this.store.readAll(from, this.batchSize);
      if (events.length === 0) return;
      let group: InstructionGroup | undefined;
      for (const event of events) {
        const instruction = this.instructionsFor(event);
        if (!instruction) continue;
        if (group && conflicts(group, instruction)) {
          await this.write(group);
          group = undefined;
        }
        group = join(group, event.position, instruction);
      }
      if (group) await this.write(group);
      from = this.position = events[events.length - 1].position;
      if (from - this.written >= this.checkpointEvery) {
        await this.timers.apply(from, {});
        this.written = from;
      }
    }
  }

  private async write(group: InstructionGroup): Promise<void> {
    await this.timers.apply(group.position, { schedule: group.schedule, cancel: group.cancel });
    this.written = group.position;
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
