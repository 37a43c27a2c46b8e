import type { CommandContext } from '@aftersales/kernel';

/**
 * The one way money leaves the platform (implemented by createPayoutService in payouts/application).
 *
 * - `payoutId` is the idempotency key end to end: use a deterministic one, e.g. `payout-refund-<refundId>`,
 *   `payout-compensation-<compensationId>`, `payout-return-shipping-<refundId>`. Requesting the same payout again
 *   (a redelivered event, a retried HTTP call, a restart) records nothing new and never pays twice; the same id with
 *   another amount/kind/buyer is refused (IdempotencyKeyReuseError → 422).
 * - `request` appends PayoutRequested to stream `payout-<payoutId>` (its own command key `payout:<payoutId>`, whatever
 *   ctx.commandKey says; ctx gives actor, correlation and causation) and resolves once that is durable: the first
 *   provider attempt runs in the background (a slow provider does not hold the caller, e.g. a bus consumer), and the
 *   request's durable watchdog timer attempts it again if the process dies first. Its outcome is PayoutSucceeded, or
 *   PayoutAttemptFailed with a durable retry timer.
 * - The owner of the money records its own fact when PayoutSucceeded (topic aftersales.refund.events.v1, data carries
 *   kind, refundId/compensationId, amount, providerRef, paidAt) arrives: the refund aggregate appends RefundPaid
 *   (kind refund), the compensation aggregate appends CompensationPaidOut (kind compensation), each with payoutId.
 *   Return-shipping reimbursements need no further event: the ledger books PayoutSucceeded of kind return_shipping.
 */
export interface PayoutRequest { payoutId: string; kind: 'refund' | 'compensation' | 'return_shipping'; orderId: string; shopId: string; buyerId: string; amount: number; currency: string; refundId?: string; compensationId?: string; causedBy: string[]; }
export interface Payouts { request(payout: PayoutRequest, ctx: CommandContext): Promise<void>; }
