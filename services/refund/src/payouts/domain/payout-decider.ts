import type { DomainEventOf, payoutEvents, PayoutRequested } from '@aftersales/contracts';
import { DomainError, illegalTransition, invalid, notFound, type Decider } from '@aftersales/kernel';
import type { PayoutRequest } from './payout-request';
import type { PayoutCommand, RecordPayoutFailure, RecordPayoutSuccess, RequestPayout, RetryPayout } from './payout-commands';
import { afterFailedAttempt, initialPayoutState, type PayoutState } from './payout-state';
import { retryDelayMs } from './retry-policy';

export type PayoutEvent = DomainEventOf<(typeof payoutEvents)[number]>;
export type PayoutEventData<T extends PayoutEvent['type']> = Extract<PayoutEvent, { type: T }>['data'];

export const MAX_RETRY_REASON_LENGTH = 500;

/**
 * A payout is requested once and then paid at most once: a success is recorded only while the payout is pending (or
 * was given up: the provider's word wins), a failure only for the attempt in progress. Everything else is a no-op,
 * so concurrent attempts, redelivered outcomes and repeated requests change nothing. Finance may re-drive a payout
 * that was given up: it is pending again with a fresh attempt budget, its attempts numbered on from the last one.
 */
export const payoutDecider: Decider<PayoutCommand, PayoutState, PayoutEvent> = {
  initialState: initialPayoutState,
  decide(command, state) {
    switch (command.type) {
      case 'RequestPayout':
        return decideRequest(command, state);
      case 'RecordPayoutSuccess':
        return decideSuccess(command, state);
      case 'RecordPayoutFailure':
        return decideFailure(command, state);
      case 'RetryPayout':
        return decideRetry(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PayoutRequested':
        return { ...initialPayoutState, status: 'pending', request: event.data };
      case 'PayoutAttemptFailed':
        return { ...state, ...afterFailedAttempt(event.data) };
      case 'PayoutSucceeded':
        return { ...state, status: 'paid', providerRef: event.data.providerRef, nextAttemptAt: undefined };
      case 'PayoutFailed':
        return {
          ...state,
          status: 'failed',
          failedAttempts: event.data.attempts,
          lastError: { code: event.data.errorCode, message: event.data.errorMessage },
          nextAttemptAt: undefined,
        };
      case 'PayoutRetryRequested':
        return {
          ...state,
          status: 'pending',
          failedAttempts: event.data.previousAttempts,
          attemptsBeforeBudget: event.data.previousAttempts,
          nextAttemptAt: undefined,
        };
    }
  },
};

function decideRequest(command: RequestPayout, state: PayoutState): PayoutEvent[] {
  const request = requestedData(command.request, command.at);
  if (state.request) {
    if (sameRequest(state.request, request)) return [];
    throw new DomainError('conflict', 'payout.request_mismatch', `payout ${request.payoutId} was already requested with other details`, {
      currentStatus: state.status,
    });
  }
  const errors = [];
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) errors.push({ field: 'amount', message: 'a positive integer in minor units' });
  if (!/^[A-Z]{3}$/.test(request.currency)) errors.push({ field: 'currency', message: 'an ISO 4217 code' });
  if (request.kind === 'compensation' && !request.compensationId) errors.push({ field: 'compensationId', message: 'required for a compensation' });
  if (request.kind !== 'compensation' && !request.refundId) errors.push({ field: 'refundId', message: `required for a ${request.kind} payout` });
  if (errors.length) throw invalid(`payout ${request.payoutId} is not valid`, errors);
  return [{ type: 'PayoutRequested', data: request }];
}

function decideSuccess(command: RecordPayoutSuccess, state: PayoutState): PayoutEvent[] {
  if (!state.request) throw new DomainError('not_found', 'not_found', 'no such payout');
  if (state.status === 'paid') return [];
  const { requestedAt: _requestedAt, ...request } = state.request;
  return [
    {
      type: 'PayoutSucceeded',
      data: { ...request, providerRef: command.providerRef, attempts: Math.max(command.attempt, state.failedAttempts + 1), paidAt: command.at },
    },
  ];
}

function decideFailure(command: RecordPayoutFailure, state: PayoutState): PayoutEvent[] {
  if (!state.request) throw new DomainError('not_found', 'not_found', 'no such payout');
  if (state.status !== 'pending' || command.attempt !== state.failedAttempts + 1) return [];
  const { payoutId, orderId, kind, amount, currency } = state.request;
  const error = { errorCode: command.errorCode, errorMessage: command.errorMessage.slice(0, 1000) || command.errorCode };
  // Budget and backoff count the attempts since the last re-drive; the attempt number itself goes on.
  const attemptInBudget = command.attempt - state.attemptsBeforeBudget;
  if (!command.retryable || attemptInBudget >= command.retry.maxAttempts) {
    return [{ type: 'PayoutFailed', data: { payoutId, orderId, kind, amount, currency, attempts: command.attempt, ...error, failedAt: command.at } }];
  }
  const nextAttemptAt = new Date(Date.parse(command.at) + retryDelayMs(attemptInBudget, command.retry)).toISOString();
  return [
    {
      type: 'PayoutAttemptFailed',
      data: { payoutId, orderId, attempt: command.attempt, ...error, outcome: command.outcome, failedAt: command.at, nextAttemptAt },
    },
  ];
}

function decideRetry(command: RetryPayout, state: PayoutState): PayoutEvent[] {
  if (!state.request) throw notFound('payout', command.payoutId);
  if (state.status !== 'failed') throw illegalTransition(`Re-driving payout ${command.payoutId}`, state.status, 'payout.not_failed');
  const reason = command.reason.trim();
  if (!reason || reason.length > MAX_RETRY_REASON_LENGTH) {
    throw invalid(`a re-drive of payout ${command.payoutId} says why`, [{ field: 'reason', message: `1 to ${MAX_RETRY_REASON_LENGTH} characters` }]);
  }
  const lastError = state.lastError ?? { code: 'unknown', message: 'unknown' };
  return [
    {
      type: 'PayoutRetryRequested',
      data: {
        payoutId: state.request.payoutId,
        orderId: state.request.orderId,
        reason,
        previousAttempts: state.failedAttempts,
        lastErrorCode: lastError.code,
        lastErrorMessage: lastError.message,
        requestedAt: command.at,
      },
    },
  ];
}

const requestedData = (request: PayoutRequest, at: string): PayoutRequested => ({
  payoutId: request.payoutId,
  kind: request.kind,
  orderId: request.orderId,
  shopId: request.shopId,
  buyerId: request.buyerId,
  amount: request.amount,
  currency: request.currency,
  ...(request.refundId !== undefined ? { refundId: request.refundId } : {}),
  ...(request.compensationId !== undefined ? { compensationId: request.compensationId } : {}),
  causedBy: [...request.causedBy],
  requestedAt: at,
});

/** The same payout: everything but the time of the request. */
const sameRequest = (a: PayoutRequested, b: PayoutRequested): boolean => {
  const { requestedAt: _a, ...left } = a;
  const { requestedAt: _b, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
};
