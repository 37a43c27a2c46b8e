import { DomainError, fold } from '@aftersales/kernel';
import { payoutRequest } from '../testing/payout-fixtures';
import { payoutDecider, type PayoutEvent } from './payout-decider';
import type { PayoutCommand } from './payout-commands';
import { defaultRetryPolicy, retryDelayMs } from './retry-policy';
import { payoutAttemptTimerId, payoutTimerPolicy } from '../policies/payout-timer.policy';

const at = '2026-11-09T00:00:00.000Z';
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

/** given events, when a command, then the events it decides. */
const given = (...history: PayoutEvent[]) => ({
  when: (command: PayoutCommand) => payoutDecider.decide(command, fold(payoutDecider, payoutDecider.initialState, history)),
});
const [requested] = payoutDecider.decide({ type: 'RequestPayout', request, at }, payoutDecider.initialState);

describe('payout decider', () => {
  it('given nothing, when a payout is requested, then PayoutRequested carries the whole request', () => {
    expect(requested).toEqual({ type: 'PayoutRequested', data: { ...request, requestedAt: at } });
  });

  it('given a request, when the same payout is requested again (later), then nothing happens; with another amount it is a conflict', () => {
    expect(given(requested).when({ type: 'RequestPayout', request, at: '2026-11-10T00:00:00.000Z' })).toEqual([]);
    expect(() => given(requested).when({ type: 'RequestPayout', request: { ...request, amount: 3001 }, at })).toThrow(DomainError);
  });

  it('given nothing, when a payout of 0, of a fraction or without its compensation id is requested, then it is invalid', () => {
    for (const bad of [{ amount: 0 }, { amount: 10.5 }, { compensationId: undefined }]) {
      expect(() => given().when({ type: 'RequestPayout', request: { ...request, ...bad }, at })).toThrow(expect.objectContaining({ kind: 'invalid' }));
    }
  });

  it('given a pending payout, when the provider confirms, then PayoutSucceeded; a second confirmation changes nothing', () => {
    const [succeeded] = given(requested).when({ type: 'RecordPayoutSuccess', attempt: 1, providerRef: 'fake-1', at });
    expect(succeeded).toMatchObject({ type: 'PayoutSucceeded', data: { payoutId: request.payoutId, amount: 3000, providerRef: 'fake-1', attempts: 1, paidAt: at } });
    expect(given(requested, succeeded).when({ type: 'RecordPayoutSuccess', attempt: 2, providerRef: 'fake-1', at })).toEqual([]);
  });

  it('given a pending payout, when attempt 1 fails, then the next attempt is due after the backoff', () => {
    const [failed] = given(requested).when(failure(1));
    expect(failed).toEqual({
      type: 'PayoutAttemptFailed',
      data: expect.objectContaining({ attempt: 1, nextAttemptAt: new Date(Date.parse(at) + retryDelayMs(1, retry)).toISOString() }),
    });
  });

  it('given attempt 1 already failed, when a stale outcome of attempt 1 arrives, then nothing; after success a failure changes nothing', () => {
    const [failed] = given(requested).when(failure(1));
    expect(given(requested, failed).when(failure(1))).toEqual([]);
    const [succeeded] = given(requested, failed).when({ type: 'RecordPayoutSuccess', attempt: 2, providerRef: 'fake-1', at });
    expect(succeeded.data).toMatchObject({ attempts: 2 });
    expect(given(requested, failed, succeeded).when(failure(2))).toEqual([]);
  });

  it('given a pending payout, when the provider refuses for good or the last attempt fails, then PayoutFailed', () => {
    expect(given(requested).when(failure(1, { retryable: false, errorCode: 'account_closed' }))).toEqual([
      { type: 'PayoutFailed', data: expect.objectContaining({ attempts: 1, errorCode: 'account_closed' }) },
    ]);
    const [f1] = given(requested).when(failure(1));
    const [f2] = given(requested, f1).when(failure(2));
    expect(given(requested, f1, f2).when(failure(3))[0].type).toBe('PayoutFailed');
  });

  describe('re-drive by finance', () => {
    const later = '2026-11-10T09:00:00.000Z';
    const redrive = (reason = 'The buyer opened a new account'): PayoutCommand => ({ type: 'RetryPayout', payoutId: request.payoutId, reason, at: later });
    const [refused] = given(requested).when(failure(1, { retryable: false, errorCode: 'account_closed', errorMessage: 'closed' }));
    const refusalOf = (history: PayoutEvent[], command: PayoutCommand): DomainError => {
      try {
        given(...history).when(command);
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    };

    it('given a payout given up, when finance re-drives it, then PayoutRetryRequested records why, the attempts so far and the last error, and it is pending again', () => {
      const events = given(requested, refused).when(redrive('  The buyer opened a new account  '));
      expect(events).toEqual([
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
      const state = fold(payoutDecider, payoutDecider.initialState, [requested, refused, ...events]);
      expect(state).toMatchObject({ status: 'pending', failedAttempts: 1, attemptsBeforeBudget: 1, nextAttemptAt: undefined });
    });

    it('given a pending or a paid payout, when finance re-drives it, then 409 payout.not_failed names the current status and nothing is recorded', () => {
      const [paid] = given(requested).when({ type: 'RecordPayoutSuccess', attempt: 1, providerRef: 'fake-1', at });
      expect(refusalOf([requested], redrive())).toMatchObject({ kind: 'conflict', code: 'payout.not_failed', details: { currentStatus: 'pending' } });
      expect(refusalOf([requested, paid], redrive())).toMatchObject({ kind: 'conflict', code: 'payout.not_failed', details: { currentStatus: 'paid' } });
      const [again] = given(requested, refused).when(redrive());
      expect(refusalOf([requested, refused, again], redrive())).toMatchObject({ code: 'payout.not_failed', details: { currentStatus: 'pending' } });
    });

    it('given no payout, or a reason that is blank or too long, when finance re-drives, then it is not found or invalid', () => {
      expect(refusalOf([], redrive())).toMatchObject({ kind: 'not_found' });
      expect(refusalOf([requested, refused], redrive('   '))).toMatchObject({ kind: 'invalid', details: { fields: [{ field: 'reason' }] } });
      expect(refusalOf([requested, refused], redrive('x'.repeat(501)))).toMatchObject({ kind: 'invalid' });
    });

    it('given a payout that ran out of attempts, when it is re-driven, then it gets a fresh budget and backoff, the attempts numbered on', () => {
      const [f1] = given(requested).when(failure(1));
      const [f2] = given(requested, f1).when(failure(2));
      const [gaveUp] = given(requested, f1, f2).when(failure(3));
      expect(gaveUp).toMatchObject({ type: 'PayoutFailed', data: { attempts: 3 } });
      const [retried] = given(requested, f1, f2, gaveUp).when(redrive());

      expect(given(requested, f1, f2, gaveUp, retried).when(failure(3))).toEqual([]);
      const [f4] = given(requested, f1, f2, gaveUp, retried).when(failure(4, { at: later }));
      expect(f4).toEqual({
        type: 'PayoutAttemptFailed',
        data: expect.objectContaining({ attempt: 4, nextAttemptAt: new Date(Date.parse(later) + retryDelayMs(1, retry)).toISOString() }),
      });
      const [f5] = given(requested, f1, f2, gaveUp, retried, f4).when(failure(5));
      expect(f5.type).toBe('PayoutAttemptFailed');
      const [gaveUpAgain] = given(requested, f1, f2, gaveUp, retried, f4, f5).when(failure(6));
      expect(gaveUpAgain).toMatchObject({ type: 'PayoutFailed', data: { attempts: 6 } });

      const [paid] = given(requested, f1, f2, gaveUp, retried, f4).when({ type: 'RecordPayoutSuccess', attempt: 5, providerRef: 'fake-1', at });
      expect(paid).toMatchObject({ type: 'PayoutSucceeded', data: { attempts: 5 } });
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
    const [failed] = given(requested).when(failure(1));
    expect(policy(envelope(failed))).toEqual({
      cancel: [payoutAttemptTimerId(request.payoutId, 1)],
      schedule: [expect.objectContaining({ timerId: payoutAttemptTimerId(request.payoutId, 2), dueAt: (failed.data as { nextAttemptAt: string }).nextAttemptAt })],
    });
    const [succeeded] = given(requested, failed).when({ type: 'RecordPayoutSuccess', attempt: 2, providerRef: 'r', at });
    expect(policy(envelope(succeeded))).toEqual({ cancel: [payoutAttemptTimerId(request.payoutId, 2)] });
  });

  it('a re-drive schedules the watchdog of the attempt it starts, under a timer id never used before', () => {
    const [gaveUp] = given(requested).when(failure(1, { retryable: false }));
    expect(policy(envelope(gaveUp))).toEqual({ cancel: [payoutAttemptTimerId(request.payoutId, 1)] });
    const [retried] = given(requested, gaveUp).when({ type: 'RetryPayout', payoutId: request.payoutId, reason: 'fixed', at });
    expect(policy(envelope(retried))).toEqual({
      schedule: [expect.objectContaining({ timerId: payoutAttemptTimerId(request.payoutId, 2), dueAt: '2026-11-09T00:01:00.000Z', service: 'payouts' })],
    });
  });
});
