import type { PayoutAttemptFailed, PayoutFailed, PayoutRequested, PayoutRetryRequested, PayoutSucceeded } from '@aftersales/contracts';
import type { PayoutEvent } from '../domain';
import { payoutRequest } from './payout-fixtures';

/** When the payouts of the decider specs are requested, attempted and paid unless a test says otherwise. */
export const PAYOUT_AT = '2026-11-09T00:00:00.000Z';

const request = payoutRequest();
const { payoutId, orderId, kind, amount, currency } = request;

/** The fixture's payout (payoutRequest()) requested at PAYOUT_AT. */
export const payoutRequested = (patch: Partial<PayoutRequested> = {}): PayoutEvent => ({
  type: 'PayoutRequested',
  data: { ...request, requestedAt: PAYOUT_AT, ...patch },
});

/** Attempt `attempt` failed as the provider was down (`provider_unavailable`, "down"); the next one is due 30 s on. */
export const payoutAttemptFailed = (attempt: number, patch: Partial<PayoutAttemptFailed> = {}): PayoutEvent => ({
  type: 'PayoutAttemptFailed',
  data: {
    payoutId,
    orderId,
    attempt,
    errorCode: 'provider_unavailable',
    errorMessage: 'down',
    outcome: 'not_paid',
    failedAt: PAYOUT_AT,
    nextAttemptAt: '2026-11-09T00:00:30.000Z',
    ...patch,
  },
});

/** The provider paid (reference fake-1) on attempt `attempts`. */
export const payoutSucceeded = (attempts: number, patch: Partial<PayoutSucceeded> = {}): PayoutEvent => ({
  type: 'PayoutSucceeded',
  data: { ...request, providerRef: 'fake-1', attempts, paidAt: PAYOUT_AT, ...patch },
});

/** Given up after `attempts` attempts, the last one failing as the provider was down. */
export const payoutFailed = (attempts: number, patch: Partial<PayoutFailed> = {}): PayoutEvent => ({
  type: 'PayoutFailed',
  data: { payoutId, orderId, kind, amount, currency, attempts, errorCode: 'provider_unavailable', errorMessage: 'down', failedAt: PAYOUT_AT, ...patch },
});

/** Finance re-drove the payout given up after `previousAttempts` attempts. */
export const payoutRetryRequested = (previousAttempts: number, patch: Partial<PayoutRetryRequested> = {}): PayoutEvent => ({
  type: 'PayoutRetryRequested',
  data: {
    payoutId,
    orderId,
    reason: 'The buyer opened a new account',
    previousAttempts,
    lastErrorCode: 'provider_unavailable',
    lastErrorMessage: 'down',
    requestedAt: PAYOUT_AT,
    ...patch,
  },
});
