import { DomainError } from '../errors';
import type { Clock } from '../ports/clock';
import type { Timer, TimerStore } from '../ports/timer-store';
import { inSpan, telemetry } from '../telemetry/telemetry';

export type TimerDispatcher = (timer: Timer) => Promise<void>;

/**
 * Fires due timers in deadline order. A timer is marked fired only after its command was handled, so a
 * crash in between fires it again; the command key `timer:<id>` makes that second firing append nothing.
 */
export class TimerScheduler {
  private interval?: NodeJS.Timeout;
  private firing: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly clock: Clock,
    private readonly timers: TimerStore,
    private readonly dispatch: TimerDispatcher,
    private readonly log: (message: string, error?: unknown) => void = (m, e) => console.error(m, e ?? ''),
  ) {
    if (telemetry().enabled) {
      telemetry().gauge('aftersales.timers.due', { description: 'Pending timers whose deadline has passed (counted up to 1000)', unit: '{timer}' }, async () => [
        { value: (await this.timers.due(this.clock.now(), 1000)).length },
      ]);
    }
  }

  /** Fires every timer due now; returns how many fired. Concurrent calls are serialised. */
  fireDue(): Promise<number> {
    this.firing = this.firing.then(() => this.fireDueNow());
    return this.firing;
  }

  /** Polls on the system clock (a manual clock is driven by TimeTravel instead). */
  start(pollMs = 1000): void {
    this.interval ??= setInterval(() => void this.fireDue().catch((e) => this.log('[scheduler] tick failed', e)), pollMs);
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
    await this.firing.catch(() => 0);
  }

  private async fireDueNow(): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await this.timers.due(this.clock.now(), 100);
      if (due.length === 0) return fired;
      let progressed = false;
      for (const timer of due) {
        try {
          await (telemetry().enabled ? inSpan(`timer ${timer.command.type}`, timerSpanOptions(timer), () => this.dispatch(timer)) : this.dispatch(timer));
        } catch (error) {
          // A rule or state refusal means the deadline no longer applies; anything else is retried later.
          if (!(error instanceof DomainError)) {
            this.log(`[scheduler] timer ${timer.timerId} failed; it will be retried`, error);
            continue;
          }
        }
        await this.timers.markFired(timer.timerId, this.clock.now());
        fired++;
        progressed = true;
      }
      if (!progressed) return fired;
    }
  }
}

const timerSpanOptions = (timer: Timer) => ({
  attributes: {
    'aftersales.timer.id': timer.timerId,
    'aftersales.timer.service': timer.service,
    'aftersales.timer.due_at': timer.dueAt,
    'aftersales.correlation.id': timer.scheduledBy.correlationId,
    'aftersales.causation.id': timer.scheduledBy.eventId,
  },
});
