import { DomainError } from '@aftersales/kernel';
import { deciderSpec } from '@aftersales/kernel/testing';
import { payoutRequest } from '../testing/payout-fixtures';
import {
  PAYOUT_AT as at,
  payoutAttemptFailed,
  payoutFailed,
  payoutRequested,
  payoutRetryRequested,
  payoutSucceeded,
} from '../testing/payout-events';
import { payoutDecider, type PayoutEvent } from './payout-decider';
import type { PayoutCommand } from './payout-commands';
import { defaultRetryPolicy, retryDelayMs } from './retry-policy';
import { payoutAttemptTimerId, payoutTimerPolicy } from '../policies/payout-timer.policy';

const spec = deciderSpec(payoutDecider);
const request = payoutRequest();
const retry = { ...defaultRetryPolicy, maxAttempts: 3 };
const failure = (attempt: number, patch: Partial<Extract<PayoutCommand, { type: 'RecordPayoutFailure' }>> = {}): PayoutCommand => ({
  type: 'RecordPayoutFailure',
  attempt,
  errorCode: 'provider_unavailable',
  errorMessage: 'down',
  retryable: true,
  outcome: 'not_paid',
  retry,
  at,
  ...patch,
});
const success = (attempt: number): PayoutCommand => ({ type: 'RecordPayoutSuccess', attempt, providerRef: 'fake-1', at });
const requested = payoutRequested();

describe('payout decider', () => {
  it('given nothing, when a payout is requested, then PayoutRequested carries the whole request', () => {
    spec.given([]).when({ type: 'RequestPayout', request, at }).then([{ type: 'PayoutRequested', data: { ...request, requestedAt: at } }]);
  });

  it('given a request, when the same payout is requested again (later), then nothing happens; with another amount it is a conflict', () => {
    spec.given([requested]).when({ type: 'RequestPayout', request, at: '2026-11-10T00:00:00.000Z' }).thenNothing();
    expect(spec.given([requested]).when({ type: 'RequestPayout', request: { ...request, amount: 3001 }, at }).thenRefuses()).toBeInstanceOf(DomainError);
  });

  it('given nothing, when a payout of 0, of a fraction or without its compensation id is requested, then it is invalid', () => {
    for (const bad of [{ amount: 0 }, { amount: 10.5 }, { compensationId: undefined }]) {
      expect(spec.given([]).when({ type: 'RequestPayout', request: { ...request, ...bad }, at }).thenRefuses().kind).toBe('invalid');
    }
  });

  it('given a pending payout, when the provider confirms, then PayoutSucceeded; a second confirmation changes nothing', () => {
    spec.given([requested]).when(success(1)).then([payoutSucceeded(1, { payoutId: request.payoutId, amount: 3000, providerRef: 'fake-1', paidAt: at })]);
    spec.given([requested, payoutSucceeded(1)]).when(success(2)).thenNothing();
  });

  it('given a pending payout, when attempt 1 fails, then the next attempt is due after the backoff', () => {
    spec
      .given([requested])
      .when(failure(1))
      .then([payoutAttemptFailed(1, { nextAttemptAt: new Date(Date.parse(at) + retryDelayMs(1, retry)).toISOString() })]);
  });

  it('given attempt 1 already failed, when a stale outcome of attempt 1 arrives, then nothing; after success a failure changes nothing', () => {
    const failed = payoutAttemptFailed(1);
    spec.given([requested, failed]).when(failure(1)).thenNothing();
    spec.given([requested, failed]).when(success(2)).then([payoutSucceeded(2)]);
    spec.given([requested, failed, payoutSucceeded(2)]).when(failure(2)).thenNothing();
  });

  it('given a pending payout, when the provider refuses for good or the last attempt fails, then PayoutFailed', () => {
    spec.given([requested]).when(failure(1, { retryable: false, errorCode: 'account_closed' })).then([payoutFailed(1, { errorCode: 'account_closed' })]);
    spec.given([requested, payoutAttemptFailed(1), payoutAttemptFailed(2)]).when(failure(3)).then([payoutFailed(3)]);
  });

  describe('re-drive by finance', () => {
    const later = '2026-11-10T09:00:00.000Z';
    const redrive = (reason = 'The buyer opened a new account'): PayoutCommand => ({ type: 'RetryPayout', payoutId: request.payoutId, reason, at: later });
    const refused = payoutFailed(1, { errorCode: 'account_closed', errorMessage: 'closed' });

    it('given a payout given up, when finance re-drives it, then PayoutRetryRequested records why, the attempts so far and the last error, and it is pending again', () => {
      const { state } = spec
        .given([requested, refused])
        .when(redrive('  The buyer opened a new account  '))
        .then([
          {
            type: 'PayoutRetryRequested',
            data: {
              payoutId: request.payoutId,
              orderId: 'ord-1',
              reason: 'The buyer opened a new account',
              previousAttempts: 1,
              lastErrorCode: 'account_closed',
              lastErrorMessage: 'closed',
              requestedAt: later,
            },
          },
        ]);
      expect(state).toMatchObject({ status: 'pending', failedAttempts: 1, attemptsBeforeBudget: 1, nextAttemptAt: undefined });
    });

    it('given a pending or a paid payout, when finance re-drives it, then 409 payout.not_failed names the current status and nothing is recorded', () => {
      const again = payoutRetryRequested(1, { lastErrorCode: 'account_closed', lastErrorMessage: 'closed', requestedAt: later });
      expect(spec.given([requested]).when(redrive()).thenRefuses('payout.not_failed')).toMatchObject({ kind: 'conflict', details: { currentStatus: 'pending' } });
      expect(spec.given([requested, payoutSucceeded(1)]).when(redrive()).thenRefuses('payout.not_failed')).toMatchObject({
        kind: 'conflict',
        details: { currentStatus: 'paid' },
      });
      expect(spec.given([requested, refused, again]).when(redrive()).thenRefuses('payout.not_failed')).toMatchObject({ details: { currentStatus: 'pending' } });
    });

    it('given no payout, or a reason that is blank or too long, when finance re-drives, then it is not found or invalid', () => {
      expect(spec.given([]).when(redrive()).thenRefuses()).toMatchObject({ kind: 'not_found' });
      expect(spec.given([requested, refused]).when(redrive('   ')).thenRefuses()).toMatchObject({ kind: 'invalid', details: { fields: [{ field: 'reason' }] } });
      expect(spec.given([requested, refused]).when(redrive('x'.repeat(501))).thenRefuses()).toMatchObject({ kind: 'invalid' });
    });

    it('given a payout that ran out of attempts, when it is re-driven, then it gets a fresh budget and backoff, the attempts numbered on', () => {
      const gaveUp = [requested, payoutAttemptFailed(1), payoutAttemptFailed(2), payoutFailed(3)];
      spec.given(gaveUp).when(redrive()).then([payoutRetryRequested(3, { requestedAt: later })]);
      const retried = [...gaveUp, payoutRetryRequested(3, { requestedAt: later })];

      spec.given(retried).when(failure(3)).thenNothing();
      spec
        .given(retried)
        .when(failure(4, { at: later }))
        .then([payoutAttemptFailed(4, { failedAt: later, nextAttemptAt: new Date(Date.parse(later) + retryDelayMs(1, retry)).toISOString() })]);
      const f4 = payoutAttemptFailed(4, { failedAt: later });
      expect(spec.given([...retried, f4]).when(failure(5)).decided().events).toMatchObject([{ type: 'PayoutAttemptFailed' }]);
      spec.given([...retried, f4, payoutAttemptFailed(5)]).when(failure(6)).then([payoutFailed(6)]);

      spec.given([...retried, f4]).when(success(5)).then([payoutSucceeded(5)]);
    });
  });

  it('backoff doubles from the base and stops at the cap', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 5000, maxAttempts: 10 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});

describe('payout timer policy', () => {
  const envelope = (event: PayoutEvent) => ({ ...event, eventId: 'e1', correlationId: 'c1' }) as never;
  const policy = payoutTimerPolicy({ watchdogMs: 60_000 });

  it('a request schedules the attempt-1 watchdog; a failure moves to the next attempt; the outcome cancels it', () => {
    expect(policy(envelope(requested))).toEqual({
      schedule: [expect.objectContaining({ timerId: payoutAttemptTimerId(request.payoutId, 1), dueAt: '2026-11-09T00:01:00.000Z', service: 'payouts' })],
    });
    const failed = payoutAttemptFailed(1);
    expect(policy(envelope(failed))).toEqual({
      cancel: [payoutAttemptTimerId(request.payoutId, 1)],
      schedule: [expect.objectContaining({ timerId: payoutAttemptTimerId(request.payoutId, 2), dueAt: (failed.data as { nextAttemptAt: string }).nextAttemptAt })],
    });
    expect(policy(envelope(payoutSucceeded(2)))).toEqual({ cancel: [payoutAttemptTimerId(request.payoutId, 2)] });
  });

  it('a re-drive schedules the watchdog of the attempt it starts, under a timer id never used before', () => {
    expect(policy(envelope(payoutFailed(1)))).toEqual({ cancel: [payoutAttemptTimerId(request.payoutId, 1)] });
    expect(policy(envelope(payoutRetryRequested(1, { reason: 'fixed', requestedAt: at })))).toEqual({
      schedule: [expect.objectContaining({ timerId: payoutAttemptTimerId(request.payoutId, 2), dueAt: '2026-11-09T00:01:00.000Z', service: 'payouts' })],
    });
  });
});
