import { createHash } from 'node:crypto';
import type { CommandContext, CommandKey, CommandResult } from '@aftersales/kernel';
import type { PayoutRequest, Payouts, PayoutState } from '../domain';
import type { PayoutAttempts } from './payout-attempts';
import { PAYOUT_ACTOR, payoutStreamId, type PayoutHandlers } from './payout-handlers';

/** The Payouts port: records the request (durable before any money moves), then attempts it in the background. */
export function payoutRequests(h: PayoutHandlers, attempts: PayoutAttempts): Payouts {
  return {
    async request(payout: PayoutRequest, ctx: CommandContext): Promise<void> {
      const result = await h.handler.handle(payoutStreamId(payout.payoutId), (at) => ({ type: 'RequestPayout', request: payout, at }), {
        ...ctx,
        commandKey: requestKeyOf(payout),
      });
      const requested = result.events.find((e) => e.type === 'PayoutRequested');
      // The request is durable: its watchdog timer covers a process that dies before or during this attempt.
      attempts.attemptInBackground(payout.payoutId, {
        actor: { ...PAYOUT_ACTOR },
        correlationId: requested?.correlationId ?? ctx.correlationId,
        causationId: requested?.eventId ?? ctx.causationId ?? null,
        trace: ctx.trace,
      });
    },
  };
}

/** Finance re-drives a payout that was given up: PayoutRetryRequested, then one attempt; answers the state after it. */
export async function retryPayout(
  h: PayoutHandlers,
  attempts: PayoutAttempts,
  payoutId: string,
  input: { reason: string },
  ctx: CommandContext,
): Promise<CommandResult<PayoutState>> {
  const streamId = payoutStreamId(payoutId);
  const result = await h.handler.handle(streamId, (at) => ({ type: 'RetryPayout', payoutId, reason: input.reason, at }), ctx);
  const retried = result.events.find((e) => e.type === 'PayoutRetryRequested');
  // The re-drive is recorded: if this attempt cannot record its outcome, the watchdog timer attempts it again.
  await attempts
    .attempt(payoutId, {
      actor: { ...PAYOUT_ACTOR },
      correlationId: retried?.correlationId ?? ctx.correlationId,
      causationId: retried?.eventId ?? ctx.causationId ?? null,
      trace: ctx.trace,
    })
    .catch((error: unknown) => h.log(`the attempt after re-driving payout ${payoutId} failed; its timer will retry`, { error: String(error) }));
  const after = await h.handler.load(streamId);
  return { ...result, state: after.state, revision: after.revision };
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
