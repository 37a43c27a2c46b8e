import type { CommandContext, Timer } from '@aftersales/kernel';
import type { AttemptPayoutTimerCommand } from '../policies';
import type { PayoutAttempts } from './payout-attempts';
import { payoutStreamId, type PayoutHandlers } from './payout-handlers';
import { listPayouts } from './payouts.queries';

const RESUME_CONCURRENCY = 8;

/** A fired retry or watchdog timer: one more attempt, in the correlation of the event that scheduled it. */
export async function firePayoutTimer(attempts: PayoutAttempts, timer: Timer): Promise<void> {
  const { type, payoutId } = timer.command as Partial<AttemptPayoutTimerCommand>;
  if (type !== 'AttemptPayout' || typeof payoutId !== 'string') throw new Error(`timer ${timer.timerId} carries no payout command`);
  await attempts.attempt(payoutId, { correlationId: timer.scheduledBy.correlationId, causationId: timer.scheduledBy.eventId });
}

const contextOfRequest = async (h: PayoutHandlers, payoutId: string): Promise<Partial<CommandContext>> => {
  const [requested] = await h.platform.eventStore.readStream(payoutStreamId(payoutId), 0);
  return requested ? { correlationId: requested.correlationId, causationId: requested.eventId } : {};
};

/** After a restart: attempts every payout the log shows pending, without waiting for its timer; returns how many. */
export async function resumePending(h: PayoutHandlers, attempts: PayoutAttempts): Promise<number> {
  let resumed = 0;
  let cursor: string | undefined;
  do {
    const page = await listPayouts(h, { status: 'pending', limit: 200, cursor });
    const queue = [...page.items];
    // A few at a time: a slow provider must not hold a restart for (pending × attempt timeout).
    await Promise.all(
      Array.from({ length: Math.min(RESUME_CONCURRENCY, queue.length) }, async () => {
        for (let payout = queue.shift(); payout; payout = queue.shift()) {
          const id = payout.id;
          await attempts.attempt(id, await contextOfRequest(h, id)).catch((error: unknown) => h.log(`resuming payout ${id} failed; its timer will retry`, { error: String(error) }));
          resumed++;
        }
      }),
    );
    cursor = page.nextCursor;
  } while (cursor);
  return resumed;
}
