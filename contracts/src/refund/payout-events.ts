import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, OneOf, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';

/**
 * Payouts (stream `payout-<payoutId>`): one money movement to a buyer through the payment provider, requested once,
 * attempted until the provider confirms it. `payoutId` is the provider's idempotency key, so a retry after a failure,
 * a timeout or a crash never pays twice. RefundPaid and CompensationPaidOut name the payoutId that moved their money.
 */

export const PayoutKinds = ['refund', 'compensation', 'return_shipping'] as const;
export type PayoutKind = (typeof PayoutKinds)[number];

const PayoutKindSchema = OneOf(PayoutKinds, 'What the money is: a refund, a compensation, or a return-shipping reimbursement');

export const PayoutRequestedEvent = defineEvent({
  type: 'PayoutRequested',
  version: 1,
  service: 'refund',
  description:
    'Money is to be paid to a buyer, exactly once: recorded before the payment provider is called, so a crash mid-call is found from the log and the payout retried under the same idempotency key.',
  schema: Type.Object(
    {
      payoutId: Id('Unique id of this money movement; the payment provider idempotency key'),
      kind: PayoutKindSchema,
      orderId: Id('Order the money is paid for (partition key)'),
      shopId: Id('Shop whose money it is (sale proceeds or deposit)'),
      buyerId: Id('Buyer who receives the money'),
      amount: Money('Amount to pay, in minor units'),
      currency: Currency,
      refundId: Type.Optional(Id('Refund request paid, for refund and return_shipping payouts')),
      compensationId: Type.Optional(Id('Compensation paid, for compensation payouts')),
      causedBy: Type.Array(Id('Id of a recorded event'), { description: 'Events that caused the payout (decision, approval, return receipt…)' }),
      requestedAt: Timestamp('When the payout was requested'),
    },
    { additionalProperties: false },
  ),
  example: {
    payoutId: 'payout-compensation-cp-late-ord-20261105-0008',
    kind: 'compensation',
    orderId: 'ord-20261105-0008',
    shopId: 'shop-88',
    buyerId: 'buyer-4096',
    amount: 3000,
    currency: 'CNY',
    compensationId: 'cp-late-ord-20261105-0008',
    causedBy: ['4c8d5e2a-1f3b-4a6c-9d7e-8f0a1b2c3d4e'],
    requestedAt: '2026-11-09T00:00:00.500Z',
  },
});
export type PayoutRequested = Static<typeof PayoutRequestedEvent.schema>;

export const PayoutFailureOutcomes = ['not_paid', 'unknown'] as const;

export const PayoutAttemptFailedEvent = defineEvent({
  type: 'PayoutAttemptFailed',
  version: 1,
  service: 'refund',
  description:
    'One call to the payment provider did not confirm the payout (error or timeout). It is retried at nextAttemptAt under the same idempotency key; when the outcome is unknown (a timeout) the provider may already have paid, and its idempotency makes the retry return that payment instead of paying again.',
  schema: Type.Object(
    {
      payoutId: Id('Id of the payout'),
      orderId: Id('Order the money is paid for (partition key)'),
      attempt: Type.Integer({ minimum: 1, description: '1-based number of the failed attempt' }),
      errorCode: Id('Machine-readable cause, e.g. provider_unavailable or timeout'),
      errorMessage: Text('What the provider or the client said', 1000),
      outcome: OneOf(PayoutFailureOutcomes, 'not_paid: the provider refused before paying; unknown: no answer (timeout), it may have paid'),
      failedAt: Timestamp('When the attempt failed'),
      nextAttemptAt: Timestamp('When the payout is attempted again'),
    },
    { additionalProperties: false },
  ),
  example: {
    payoutId: 'payout-refund-rf-5b2c9e',
    orderId: 'ord-20261105-0001',
    attempt: 1,
    errorCode: 'timeout',
    errorMessage: 'The payment provider did not answer within 10000 ms',
    outcome: 'unknown',
    failedAt: '2026-11-17T14:20:10.000Z',
    nextAttemptAt: '2026-11-17T14:20:40.000Z',
  },
});
export type PayoutAttemptFailed = Static<typeof PayoutAttemptFailedEvent.schema>;

export const PayoutSucceededEvent = defineEvent({
  type: 'PayoutSucceeded',
  version: 1,
  service: 'refund',
  description:
    'The payment provider confirmed the payout: the money left, once. Carries the whole request so finance can reconcile it and the refund or compensation it pays records RefundPaid or CompensationPaidOut.',
  schema: Type.Object(
    {
      payoutId: Id('Id of the payout'),
      kind: PayoutKindSchema,
      orderId: Id('Order the money is paid for (partition key)'),
      shopId: Id('Shop whose money it is'),
      buyerId: Id('Buyer who received the money'),
      amount: Money('Amount paid, in minor units'),
      currency: Currency,
      refundId: Type.Optional(Id('Refund request paid, for refund and return_shipping payouts')),
      compensationId: Type.Optional(Id('Compensation paid, for compensation payouts')),
      causedBy: Type.Array(Id('Id of a recorded event'), { description: 'Events that caused the payout, from the request' }),
      providerRef: Id('Reference of the payment at the provider'),
      attempts: Type.Integer({ minimum: 1, description: 'Attempts it took, the successful one included' }),
      paidAt: Timestamp('When the provider confirmed the payment'),
    },
    { additionalProperties: false },
  ),
  example: {
    payoutId: 'payout-compensation-cp-late-ord-20261105-0008',
    kind: 'compensation',
    orderId: 'ord-20261105-0008',
    shopId: 'shop-88',
    buyerId: 'buyer-4096',
    amount: 3000,
    currency: 'CNY',
    compensationId: 'cp-late-ord-20261105-0008',
    causedBy: ['4c8d5e2a-1f3b-4a6c-9d7e-8f0a1b2c3d4e'],
    providerRef: 'fake-000042',
    attempts: 1,
    paidAt: '2026-11-09T00:00:01.000Z',
  },
});
export type PayoutSucceeded = Static<typeof PayoutSucceededEvent.schema>;

export const PayoutFailedEvent = defineEvent({
  type: 'PayoutFailed',
  version: 1,
  service: 'refund',
  description:
    'The payout was given up: the provider refused it for good (e.g. the account is closed) or it failed too many times. No money moved; finance may re-drive it (PayoutRetryRequested).',
  schema: Type.Object(
    {
      payoutId: Id('Id of the payout'),
      orderId: Id('Order the money was to be paid for (partition key)'),
      kind: PayoutKindSchema,
      amount: Money('Amount that was not paid, in minor units'),
      currency: Currency,
      attempts: Type.Integer({ minimum: 1, description: 'Attempts made' }),
      errorCode: Id('Machine-readable cause of the last failure'),
      errorMessage: Text('What the provider said last', 1000),
      failedAt: Timestamp('When the payout was given up'),
    },
    { additionalProperties: false },
  ),
  example: {
    payoutId: 'payout-refund-rf-91aa00',
    orderId: 'ord-20261105-0011',
    kind: 'refund',
    amount: 5000,
    currency: 'CNY',
    attempts: 1,
    errorCode: 'account_closed',
    errorMessage: "The buyer's payment account is closed",
    failedAt: '2026-11-17T14:20:00.000Z',
  },
});
export type PayoutFailed = Static<typeof PayoutFailedEvent.schema>;

export const PayoutRetryRequestedEvent = defineEvent({
  type: 'PayoutRetryRequested',
  version: 1,
  service: 'refund',
  description:
    'Finance re-drives a payout that was given up (PayoutFailed): it is pending again with a fresh attempt budget and attempted at once under the same idempotency key, so it still pays at most once. Who asked is the actor in the envelope.',
  schema: Type.Object(
    {
      payoutId: Id('Id of the payout'),
      orderId: Id('Order the money is paid for (partition key)'),
      reason: Text('Why finance re-drives it, e.g. the buyer opened a new payment account', 500),
      previousAttempts: Type.Integer({ minimum: 1, description: 'Attempts made before the re-drive; the next attempt is number previousAttempts + 1' }),
      lastErrorCode: Id('Machine-readable cause of the failure that gave the payout up'),
      lastErrorMessage: Text('What the provider said last', 1000),
      requestedAt: Timestamp('When the re-drive was requested'),
    },
    { additionalProperties: false },
  ),
  example: {
    payoutId: 'payout-refund-rf-91aa00',
    orderId: 'ord-20261105-0011',
    reason: 'The buyer confirmed a new payment account by phone (ticket CS-4411)',
    previousAttempts: 1,
    lastErrorCode: 'account_closed',
    lastErrorMessage: "The buyer's payment account is closed",
    requestedAt: '2026-11-18T09:30:00.000Z',
  },
});
export type PayoutRetryRequested = Static<typeof PayoutRetryRequestedEvent.schema>;

export const payoutEvents = [PayoutRequestedEvent, PayoutAttemptFailedEvent, PayoutSucceededEvent, PayoutFailedEvent, PayoutRetryRequestedEvent] as const;
