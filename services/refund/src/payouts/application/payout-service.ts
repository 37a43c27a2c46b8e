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
import { createHash } from 'node:crypto';
import { payoutEvents } from '@aftersales/contracts';
import {
  CommandHandler,
  type CommandContext,
  type CommandKey,
  type CommandResult,
  type Page,
  type Platform,
  type ServiceRuntime,
  type Timer,
} from '@aftersales/kernel';
import {
  defaultRetryPolicy,
  payoutDecider,
  type PayoutCommand,
  type PayoutState,
  type RetryPolicy,
} from '../domain';
import type { PayoutRequest, Payouts } from '../domain';
import { PAYOUTS_SERVICE, payoutTimerPolicy, type AttemptPayoutTimerCommand } from '../policies';
import { PaymentProviderError, type PaymentProvider } from './payment-provider';
import { callWithTimeout } from './call-with-timeout';
import { PAYOUTS_COLLECTION, payoutsProjection, type PayoutView } from '../projections/payouts.projection';

export const payoutStreamId = (payoutId: string): string => `payout-${payoutId}`;
export const PAYOUT_ACTOR = { id: 'payouts', role: 'system' } as const;
const RESUME_CONCURRENCY = 8;

export interface PayoutServiceOptions {
  provider: PaymentProvider;
  retry?: Partial<RetryPolicy>;
  /** How long one provider call may take before it counts as a timeout (default 10 s). */
  attemptTimeoutMs?: number;
  /** When a request whose first attempt never reported is attempted again (default 60 s; > attemptTimeoutMs). */
  watchdogMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

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

const schemaVersions = new Map(payoutEvents.map((d) => [d.type, d.version]));

export function createPayoutService(platform: Platform, options: PayoutServiceOptions): PayoutService {
  const handler = new CommandHandler(platform.eventStore, platform.clock, {
    decider: payoutDecider,
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
  const watchdogMs = options.watchdogMs ?? 60_000;
  const log = options.log ?? ((message, details) => console.warn(`[payouts] ${message}`, details ?? ''));
  const inFlight = new Map<string, Promise<PayoutState>>();

  const record = async (payoutId: string, command: (at: string) => PayoutCommand, ctx: Partial<CommandContext>) =>
    (await handler.handle(payoutStreamId(payoutId), command, { actor: { ...PAYOUT_ACTOR }, ...ctx, commandKey: ctx.commandKey })).state;

  /** Calls the provider once for the attempt in progress and records the outcome (a stale one records nothing). */
  const attemptOnce = async (payoutId: string, ctx: Partial<CommandContext>): Promise<PayoutState> => {
    const { state } = await handler.load(payoutStreamId(payoutId));
    if (state.status !== 'pending' || !state.request) return state;
    const attempt = state.failedAttempts + 1;
    const { amount, currency, buyerId, kind, refundId, compensationId } = state.request;
    const reference = `${kind}:${compensationId ?? refundId ?? payoutId}`;
    let providerRef: string | undefined;
    let failure: ReturnType<typeof describeFailure> | undefined;
    try {
      ({ providerRef } = await callWithTimeout(() => options.provider.pay({ idempotencyKey: payoutId, amount, currency, to: buyerId, reference }), attemptTimeoutMs));
    } catch (error) {
      failure = describeFailure(error);
      log(`payout ${payoutId} attempt ${attempt} failed: ${failure.errorMessage}`, { code: failure.errorCode });
    }
    // Recording errors propagate: the payout stays pending and is attempted again (the provider dedupes).
    if (providerRef !== undefined) return record(payoutId, (at) => ({ type: 'RecordPayoutSuccess', attempt, providerRef, at }), ctx);
    return record(payoutId, (at) => ({ type: 'RecordPayoutFailure', attempt, ...failure!, retry, at }), ctx);
  };

  /** One attempt per payout at a time in this process; a concurrent caller shares it. */
  const attempt = (payoutId: string, ctx: Partial<CommandContext> = {}): Promise<PayoutState> => {
    const running = inFlight.get(payoutId);
    if (running) return running;
    const started = attemptOnce(payoutId, ctx).finally(() => inFlight.delete(payoutId));
    inFlight.set(payoutId, started);
    return started;
  };

  /** Starts an attempt without waiting for it; if it fails, the payout's durable timer attempts it again. */
  const attemptInBackground = (payoutId: string, ctx: Partial<CommandContext>): void => {
    attempt(payoutId, ctx).catch((error: unknown) =>
      log(`the first attempt of payout ${payoutId} failed; its timer will retry`, { error: error instanceof Error ? error.message : String(error) }),
    );
  };

  const payouts: Payouts = {
    async request(payout: PayoutRequest, ctx: CommandContext): Promise<void> {
      const result = await handler.handle(payoutStreamId(payout.payoutId), (at) => ({ type: 'RequestPayout', request: payout, at }), {
        ...ctx,
        commandKey: requestKeyOf(payout),
      });
      const requested = result.events.find((e) => e.type === 'PayoutRequested');
      // The request is durable: its watchdog timer covers a process that dies before or during this attempt.
      attemptInBackground(payout.payoutId, {
        actor: { ...PAYOUT_ACTOR },
        correlationId: requested?.correlationId ?? ctx.correlationId,
        causationId: requested?.eventId ?? ctx.causationId ?? null,
        trace: ctx.trace,
      });
    },
  };

  const drain = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
  };

  const retryPayout: PayoutService['retry'] = async (payoutId, input, ctx) => {
    const streamId = payoutStreamId(payoutId);
    const result = await handler.handle(streamId, (at) => ({ type: 'RetryPayout', payoutId, reason: input.reason, at }), ctx);
    const retried = result.events.find((e) => e.type === 'PayoutRetryRequested');
    // The re-drive is recorded: if this attempt cannot record its outcome, the watchdog timer attempts it again.
    await attempt(payoutId, {
      actor: { ...PAYOUT_ACTOR },
      correlationId: retried?.correlationId ?? ctx.correlationId,
      causationId: retried?.eventId ?? ctx.causationId ?? null,
      trace: ctx.trace,
    }).catch((error: unknown) => log(`the attempt after re-driving payout ${payoutId} failed; its timer will retry`, { error: String(error) }));
    const after = await handler.load(streamId);
    return { ...result, state: after.state, revision: after.revision };
  };

  const contextOfRequest = async (payoutId: string): Promise<Partial<CommandContext>> => {
    const [requested] = await platform.eventStore.readStream(payoutStreamId(payoutId), 0);
    return requested ? { correlationId: requested.correlationId, causationId: requested.eventId } : {};
  };

  const fireTimer = async (timer: Timer): Promise<void> => {
    const { type, payoutId } = timer.command as Partial<AttemptPayoutTimerCommand>;
    if (type !== 'AttemptPayout' || typeof payoutId !== 'string') throw new Error(`timer ${timer.timerId} carries no payout command`);
    await attempt(payoutId, { correlationId: timer.scheduledBy.correlationId, causationId: timer.scheduledBy.eventId });
  };

  const listPayouts: PayoutService['listPayouts'] = ({ limit, cursor, ...filters }) => {
    const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>;
    return platform.readModels.find<PayoutView>(PAYOUTS_COLLECTION, { where, limit, cursor });
  };

  const resumePending = async (): Promise<number> => {
    let resumed = 0;
    let cursor: string | undefined;
    do {
      const page = await listPayouts({ status: 'pending', limit: 200, cursor });
      const queue = [...page.items];
      // A few at a time: a slow provider must not hold a restart for (pending × attempt timeout).
      await Promise.all(
        Array.from({ length: Math.min(RESUME_CONCURRENCY, queue.length) }, async () => {
          for (let payout = queue.shift(); payout; payout = queue.shift()) {
            const id = payout.id;
            await attempt(id, await contextOfRequest(id)).catch((error: unknown) => log(`resuming payout ${id} failed; its timer will retry`, { error: String(error) }));
            resumed++;
          }
        }),
      );
      cursor = page.nextCursor;
    } while (cursor);
    return resumed;
  };

  return {
    payouts,
    attempt,
    retry: retryPayout,
    resumePending,
    drain,
    getPayout: (payoutId) => platform.readModels.get<PayoutView>(PAYOUTS_COLLECTION, payoutId),
    listPayouts,
    runtime: {
      name: PAYOUTS_SERVICE,
      projections: [payoutsProjection],
      timerPolicies: [payoutTimerPolicy({ watchdogMs })],
      fireTimer,
    },
  };
}

/** The request's own key: the same payout always hashes the same, whoever asks and with whatever context. */
export function requestKeyOf(payout: PayoutRequest): CommandKey {
  const canonical = JSON.stringify([
    payout.payoutId,
    payout.kind,
    payout.orderId,
    payout.shopId,
    payout.buyerId,
    payout.amount,
    payout.currency,
    payout.refundId ?? null,
    payout.compensationId ?? null,
    payout.causedBy,
  ]);
  return { key: `payout:${payout.payoutId}`, requestHash: createHash('sha256').update(canonical).digest('hex') };
}

function describeFailure(error: unknown): { errorCode: string; errorMessage: string; retryable: boolean; outcome: 'not_paid' | 'unknown' } {
  if (error instanceof PaymentProviderError) {
    return { errorCode: error.code, errorMessage: error.message, retryable: error.retryable, outcome: error.outcome };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { errorCode: 'provider_error', errorMessage: message || 'unknown provider error', retryable: true, outcome: 'unknown' };
}

