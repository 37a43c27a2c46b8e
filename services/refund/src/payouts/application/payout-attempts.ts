import { inSpan, telemetry, type CommandContext } from '@aftersales/kernel';
import type { PayoutState } from '../domain';
import { callWithTimeout } from './call-with-timeout';
import { PaymentProviderError } from './payment-provider';
import { payoutStreamId, type PayoutHandlers } from './payout-handlers';

/** Provider attempts in this process: at most one per payout at a time, and a way to wait for them all. */
export interface PayoutAttempts {
  /** One provider attempt if the payout is still pending; returns its state afterwards. A concurrent caller shares it. */
  attempt(payoutId: string, ctx?: Partial<CommandContext>): Promise<PayoutState>;
  /** Starts an attempt without waiting for it; if it fails, the payout's durable timer attempts it again. */
  attemptInBackground(payoutId: string, ctx: Partial<CommandContext>): void;
  /** Resolves when no attempt is in flight in this process, attempts started while it waits included. */
  drain(): Promise<void>;
}

export function createPayoutAttempts(h: PayoutHandlers): PayoutAttempts {
  const inFlight = new Map<string, Promise<PayoutState>>();

  /** Calls the provider once for the attempt in progress and records the outcome (a stale one records nothing). */
  const attemptOnce = async (payoutId: string, ctx: Partial<CommandContext>): Promise<PayoutState> => {
    const { state } = await h.handler.load(payoutStreamId(payoutId));
    if (state.status !== 'pending' || !state.request) return state;
    const attempt = state.failedAttempts + 1;
    const { amount, currency, buyerId, kind, refundId, compensationId } = state.request;
    const reference = `${kind}:${compensationId ?? refundId ?? payoutId}`;
    let providerRef: string | undefined;
    let failure: ReturnType<typeof describeFailure> | undefined;
    try {
      ({ providerRef } = await callWithTimeout(() => h.provider.pay({ idempotencyKey: payoutId, amount, currency, to: buyerId, reference }), h.attemptTimeoutMs));
    } catch (error) {
      failure = describeFailure(error);
      h.log(`payout ${payoutId} attempt ${attempt} failed: ${failure.errorMessage}`, { code: failure.errorCode });
    }
    // Recording errors propagate: the payout stays pending and is attempted again (the provider dedupes).
    if (providerRef !== undefined) return h.record(payoutId, (at) => ({ type: 'RecordPayoutSuccess', attempt, providerRef, at }), ctx);
    return h.record(payoutId, (at) => ({ type: 'RecordPayoutFailure', attempt, ...failure!, retry: h.retry, at }), ctx);
  };

  const attempt = (payoutId: string, ctx: Partial<CommandContext> = {}): Promise<PayoutState> => {
    const running = inFlight.get(payoutId);
    if (running) return running;
    const once = () => attemptOnce(payoutId, ctx);
    const traced = () => inSpan('payout attempt', { parent: ctx.trace, attributes: { 'aftersales.payout.id': payoutId } }, once);
    const started = (telemetry().enabled ? traced() : once()).finally(() => inFlight.delete(payoutId));
    inFlight.set(payoutId, started);
    return started;
  };

  return {
    attempt,
    attemptInBackground(payoutId, ctx) {
      attempt(payoutId, ctx).catch((error: unknown) =>
        h.log(`the first attempt of payout ${payoutId} failed; its timer will retry`, { error: error instanceof Error ? error.message : String(error) }),
      );
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}

function describeFailure(error: unknown): { errorCode: string; errorMessage: string; retryable: boolean; outcome: 'not_paid' | 'unknown' } {
  if (error instanceof PaymentProviderError) {
    return { errorCode: error.code, errorMessage: error.message, retryable: error.retryable, outcome: error.outcome };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { errorCode: 'provider_error', errorMessage: message || 'unknown provider error', retryable: true, outcome: 'unknown' };
}
