import type { PayoutEventData } from '../domain';
import type { TimerPolicy } from '@aftersales/kernel';

export const PAYOUTS_SERVICE = 'payouts';

/** Deterministic id of the timer that (re)attempts a payout: `payout-<payoutId>:attempt-<n>`. */
export const payoutAttemptTimerId = (payoutId: string, attempt: number): string => `payout-${payoutId}:attempt-${attempt}`;

export interface AttemptPayoutTimerCommand {
  type: 'AttemptPayout';
  payoutId: string;
  [field: string]: unknown;
}

/**
 * Durable retries. A request schedules a watchdog for attempt 1 (it fires only if the first attempt, started in the
 * background once the request is durable, never reported, i.e. the process died before or during it), a re-drive one
 * for the attempt it starts; each failed attempt schedules the next at
 * its nextAttemptAt; the outcome cancels whatever is pending. Timers are derived from the log, so a restart finds
 * every pending payout again.
 */
export const payoutTimerPolicy =
  (options: { watchdogMs: number }): TimerPolicy =>
  (event) => {
    // Asked of every event in the log: nothing is allocated for the events no case below is about.
    const timer = (payoutId: string, attempt: number, dueAt: string) => ({
      timerId: payoutAttemptTimerId(payoutId, attempt),
      service: PAYOUTS_SERVICE,
      dueAt,
      command: { type: 'AttemptPayout', payoutId } satisfies AttemptPayoutTimerCommand,
      scheduledBy: { eventId: event.eventId, correlationId: event.correlationId },
    });
    switch (event.type) {
      case 'PayoutRequested': {
        const data = event.data as PayoutEventData<'PayoutRequested'>;
        return { schedule: [timer(data.payoutId, 1, new Date(Date.parse(data.requestedAt) + options.watchdogMs).toISOString())] };
      }
      case 'PayoutRetryRequested': {
        const data = event.data as PayoutEventData<'PayoutRetryRequested'>;
        return { schedule: [timer(data.payoutId, data.previousAttempts + 1, new Date(Date.parse(data.requestedAt) + options.watchdogMs).toISOString())] };
      }
      case 'PayoutAttemptFailed': {
        const data = event.data as PayoutEventData<'PayoutAttemptFailed'>;
        return {
          cancel: [payoutAttemptTimerId(data.payoutId, data.attempt)],
          schedule: [timer(data.payoutId, data.attempt + 1, data.nextAttemptAt)],
        };
      }
      case 'PayoutSucceeded':
      case 'PayoutFailed': {
        const data = event.data as PayoutEventData<'PayoutSucceeded' | 'PayoutFailed'>;
        return { cancel: [payoutAttemptTimerId(data.payoutId, data.attempts)] };
      }
      default:
        return undefined;
    }
  };
