/**
 * Payouts: money moves exactly once.
 *
 * Design (stream `payout-<payoutId>`, one per money movement):
 * 1. `request` appends PayoutRequested under command key `payout:<payoutId>` (hash of the request): a repeated request
 *    appends nothing, the same id with other details is refused. The request is durable before any money moves.
 * 2. It returns once the request is durable and starts the first attempt in the background (the bus consumer that
 *    asked is not held by a slow provider): the provider is called with idempotencyKey = payoutId, bounded by
 *    attemptTimeoutMs. Success → PayoutSucceeded (with providerRef). A failure → PayoutAttemptFailed with
 *    nextAttemptAt (exponential backoff), or PayoutFailed when the provider refuses for good or attempts run out.
 *    `drain()` waits for attempts in flight: the runtime's settle() and time travel call it.
 * 3. Retries are durable timers derived from those events (payoutTimerPolicy): a failed attempt schedules the next
 *    one; PayoutRequested schedules a watchdog that only matters if the process died before or during the first
 *    attempt. At start, `resumePending` attempts every payout the log still shows pending, without waiting for its
 *    timer.
 * 4. Exactly once = provider idempotency (a retry of a payout that was in fact paid returns the first payment) +
 *    decider idempotency (an outcome is recorded only while pending, a failure only for the attempt in progress),
 *    so concurrent attempts, redelivered requests, re-fired timers and restarts can only record one PayoutSucceeded,
 *    and the provider holds one payment per payoutId.
 * 5. The owner of the money then records its fact from PayoutSucceeded (RefundPaid, CompensationPaidOut); the ledger
 *    and reconciliation read PayoutSucceeded for what actually left.
 * 6. A payout given up (PayoutFailed) waits for finance: `retry` appends PayoutRetryRequested (pending again, a fresh
 *    attempt budget, attempts numbered on) and attempts it at once; further retries run on the same durable timers,
 *    and the provider key is still payoutId, so a re-drive cannot pay twice either.
 */
import { telemetry, type CommandContext, type CommandResult, type Page, type Platform, type ServiceRuntime } from '@aftersales/kernel';
import type { Payouts, PayoutState } from '../domain';
import { PAYOUTS_SERVICE, payoutTimerPolicy } from '../policies';
import { payoutsProjection, type PayoutView } from '../projections/payouts.projection';
import { createPayoutAttempts } from './payout-attempts';
import { createPayoutHandlers, type PayoutServiceOptions } from './payout-handlers';
import { payoutRequests, retryPayout } from './payout.commands';
import { getPayout, listPayouts } from './payouts.queries';
import { firePayoutTimer, resumePending } from './payout.timers';

export { PAYOUT_ACTOR, payoutStreamId, type PayoutServiceOptions } from './payout-handlers';
export { requestKeyOf } from './payout.commands';

export interface PayoutService {
  readonly payouts: Payouts;
  /** One provider attempt if the payout is still pending; returns its state afterwards. */
  attempt(payoutId: string, ctx?: Partial<CommandContext>): Promise<PayoutState>;
  /**
   * Finance re-drives a payout that was given up (403 for other roles is the edge's business): records
   * PayoutRetryRequested, then makes one attempt. The result carries the state and revision after that attempt.
   */
  retry(payoutId: string, input: { reason: string }, ctx: CommandContext): Promise<CommandResult<PayoutState>>;
  /** Attempts every payout the log shows pending (after a restart); returns how many were attempted. */
  resumePending(): Promise<number>;
  /** Resolves when no attempt is in flight in this process, attempts started while it waits included. */
  drain(): Promise<void>;
  getPayout(payoutId: string): Promise<PayoutView | undefined>;
  listPayouts(query: { orderId?: string; status?: PayoutView['status']; limit?: number; cursor?: string }): Promise<Page<PayoutView>>;
  readonly runtime: ServiceRuntime;
}

/** The facade that wires the payout request and re-drive, the provider attempts, the timers and the reads. */
export function createPayoutService(platform: Platform, options: PayoutServiceOptions): PayoutService {
  const h = createPayoutHandlers(platform, options);
  const attempts = createPayoutAttempts(h);
  if (telemetry().enabled) {
    telemetry().gauge('aftersales.payouts.pending', { description: 'Payouts requested and not yet paid or given up (counted up to 1000)', unit: '{payout}' }, async () => [
      { value: (await listPayouts(h, { status: 'pending', limit: 1000 })).items.length },
    ]);
  }
  return {
    payouts: payoutRequests(h, attempts),
    attempt: attempts.attempt,
    retry: (payoutId, input, ctx) => retryPayout(h, attempts, payoutId, input, ctx),
    resumePending: () => resumePending(h, attempts),
    drain: attempts.drain,
    getPayout: (payoutId) => getPayout(h, payoutId),
    listPayouts: (query) => listPayouts(h, query),
    runtime: {
      name: PAYOUTS_SERVICE,
      projections: [payoutsProjection],
      timerPolicies: [payoutTimerPolicy({ watchdogMs: h.watchdogMs })],
      fireTimer: (timer) => firePayoutTimer(attempts, timer),
    },
  };
}
