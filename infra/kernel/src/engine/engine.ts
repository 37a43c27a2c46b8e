import type { Platform, ServiceRuntime } from '../platform';
import type { Timer } from '../ports/timer-store';
import { ProjectionRunner } from '../projections/projection-runner';
import { TimerProjector } from '../timers/timer-projector';
import { TimerScheduler } from '../timers/timer-scheduler';
import { sharedTailOf } from '../privacy/protected-event-store';

/** Work settle() waits for: a bus consumer, background work (payout attempts), a log follower in tests. */
export interface Drainable {
  drain(): Promise<void>;
}

/** Something that forwards the log somewhere and can say it has caught up (the bus publisher). */
export interface LogForwarder {
  start(): void;
  stop(): Promise<void>;
  catchUp(): Promise<void>;
}

/** Rounds settle() tries before it decides a consumer keeps producing events. */
const SETTLE_ROUNDS = 100;

/**
 * The background machinery shared by every service in a process: projections, durable timers, the publisher to the
 * bus and the consumers. `settle()` waits until all of it has caught up with the log. The runtime and the in-memory
 * test platform both run on it.
 */
export class Engine {
  readonly projections: ProjectionRunner[];
  readonly timerProjector: TimerProjector;
  readonly scheduler: TimerScheduler;
  private readonly consumers: Drainable[] = [];

  constructor(
    private readonly deps: Pick<Platform, 'eventStore' | 'readModels' | 'timers' | 'clock'>,
    private readonly services: readonly ServiceRuntime[],
    private readonly publisher?: LogForwarder,
    options: { timerLog?: (message: string, error?: unknown) => void } = {},
  ) {
    const followed = sharedTailOf(deps.eventStore);
    this.projections = services.flatMap((s) => s.projections.map((p) => new ProjectionRunner(followed, deps.readModels, p)));
    this.timerProjector = new TimerProjector(followed, deps.timers, services.flatMap((s) => s.timerPolicies));
    this.scheduler = new TimerScheduler(deps.clock, deps.timers, (timer) => this.fire(timer), options.timerLog);
  }

  /** Bus consumers (the transport) and background work (payout attempts) settle() also waits for, in the order added. */
  addConsumer(consumer: Drainable): void {
    this.consumers.push(consumer);
  }

  async start(options: { pollTimers: boolean; timerPollMs: number }): Promise<void> {
    await this.settleOnce();
    this.projections.forEach((p) => p.start());
    this.timerProjector.start();
    this.publisher?.start();
    if (options.pollTimers) this.scheduler.start(options.timerPollMs);
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await Promise.all([...this.projections.map((p) => p.stop()), this.timerProjector.stop(), this.publisher?.stop()]);
  }

  /**
   * Waits until projections, timers, the publisher and every consumer have processed the whole log, and neither the
   * read models nor the timers hold anything back in memory.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      const head = await this.deps.eventStore.headPosition();
      await this.settleOnce();
      if ((await this.deps.eventStore.headPosition()) === head) {
        await Promise.all([this.deps.readModels.flush(), this.deps.timers.flush()]);
        return;
      }
    }
    throw new Error(`the system did not settle after ${SETTLE_ROUNDS} rounds: a consumer keeps producing events`);
  }

  projection(name: string): ProjectionRunner | undefined {
    return this.projections.find((p) => p.name === name);
  }

  private async settleOnce(): Promise<void> {
    await this.publisher?.catchUp();
    for (const consumer of this.consumers) await consumer.drain();
    await Promise.all([...this.projections.map((p) => p.catchUp()), this.timerProjector.catchUp()]);
  }

  private fire(timer: Timer): Promise<void> {
    const service = this.services.find((s) => s.name === timer.service);
    if (!service) throw new Error(`timer ${timer.timerId} belongs to unknown service ${timer.service}`);
    return service.fireTimer(timer);
  }
}
