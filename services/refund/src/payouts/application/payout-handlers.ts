import { payoutEvents } from '@aftersales/contracts';
import { CommandHandler, type CommandContext, type Platform, type ServiceLog } from '@aftersales/kernel';
import { defaultRetryPolicy, payoutDecider, type PayoutCommand, type PayoutEvent, type PayoutState, type RetryPolicy } from '../domain';
import type { PaymentProvider } from './payment-provider';

export const payoutStreamId = (payoutId: string): string => `payout-${payoutId}`;
export const PAYOUT_ACTOR = { id: 'payouts', role: 'system' } as const;

export interface PayoutServiceOptions {
  provider: PaymentProvider;
  retry?: Partial<RetryPolicy>;
  /** How long one provider call may take before it counts as a timeout (default 10 s). */
  attemptTimeoutMs?: number;
  /** When a request whose first attempt never reported is attempted again (default 60 s; > attemptTimeoutMs). */
  watchdogMs?: number;
  log?: ServiceLog;
}

/** What the payout use cases share: the command handler of the payout streams, the provider and the numbers. */
export interface PayoutHandlers {
  readonly platform: Platform;
  readonly handler: CommandHandler<PayoutCommand, PayoutState, PayoutEvent>;
  readonly provider: PaymentProvider;
  readonly retry: RetryPolicy;
  readonly attemptTimeoutMs: number;
  readonly watchdogMs: number;
  readonly log: ServiceLog;
  /** Records one command on the payout's stream, as the payouts actor unless the context names another. */
  record(payoutId: string, command: (at: string) => PayoutCommand, ctx: Partial<CommandContext>): Promise<PayoutState>;
}

const schemaVersions = new Map(payoutEvents.map((d) => [d.type, d.version]));

export function createPayoutHandlers(platform: Platform, options: PayoutServiceOptions): PayoutHandlers {
  const handler = new CommandHandler(platform.eventStore, platform.clock, {
    decider: payoutDecider,
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
  return {
    platform,
    handler,
    provider: options.provider,
    retry: { ...defaultRetryPolicy, ...options.retry },
    attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
    watchdogMs: options.watchdogMs ?? 60_000,
    log: options.log ?? ((message, details) => console.warn(`[payouts] ${message}`, details ?? '')),
    record: async (payoutId, command, ctx) =>
      (await handler.handle(payoutStreamId(payoutId), command, { actor: { ...PAYOUT_ACTOR }, ...ctx, commandKey: ctx.commandKey })).state,
  };
}
