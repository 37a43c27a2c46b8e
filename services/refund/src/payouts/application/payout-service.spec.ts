import { DomainError, IdempotencyKeyReuseError, InMemoryEventStore, ManualClock, type EventStore } from '@aftersales/kernel';
import { testPlatform } from '../__tests__/test-platform';
import type { PayoutRequest } from '../payout-port';
import { FakePaymentProvider } from '../provider';
import { createPayoutService, payoutStreamId, type PayoutServiceOptions } from './payout-service';

const system = { actor: { id: 'compensation', role: 'system' as const } };
const finance = { actor: { id: 'fin-1', role: 'finance' as const } };
const request = (patch: Partial<PayoutRequest> = {}): PayoutRequest => ({
  payoutId: 'payout-compensation-cmp-1',
  kind: 'compensation',
  orderId: 'ord-1',
  shopId: 'shop-1',
  buyerId: 'buyer-1',
  amount: 3000,
  currency: 'CNY',
  compensationId: 'cmp-1',
  causedBy: ['ev-decided'],
  ...patch,
});

/** An event store whose next appends of an outcome fail, as if the process died right after the provider answered. */
function crashingStore(inner: EventStore) {
  let crashes = 0;
  const store: EventStore = Object.create(inner) as EventStore;
  store.append = async (streamId, events, expected, options) => {
    if (crashes > 0 && events.some((e) => e.type === 'PayoutSucceeded' || e.type === 'PayoutAttemptFailed')) {
      crashes--;
      throw new Error('process killed');
    }
    return inner.append(streamId, events, expected, options);
  };
  return { store, crashNextOutcomes: (n: number) => (crashes = n) };
}

function setup(options: Partial<PayoutServiceOptions> = {}) {
  const clock = new ManualClock(new Date('2026-11-09T00:00:00.000Z'));
  const crashing = crashingStore(new InMemoryEventStore(clock));
  const env = testPlatform(clock.now(), crashing.store);
  const provider = new FakePaymentProvider({ now: () => env.clock.now() });
  const start = () => {
    const service = createPayoutService(env.platform, { provider, attemptTimeoutMs: 50, log: () => undefined, ...options });
    env.attach([service.runtime]);
    return service;
  };
  return { env, provider, start, crashNextOutcomes: crashing.crashNextOutcomes };
}

describe('payout service', () => {
  it('given a provider that pays, when a payout is requested, then it is paid once and the view says so', async () => {
    const { env, provider, start } = setup();
    const service = start();
    await service.payouts.request(request(), system);
    await service.payouts.request(request(), system);
    await env.settle();
    expect(await env.streamTypes(payoutStreamId('payout-compensation-cmp-1'))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
    expect(provider.payments().map((p) => [p.idempotencyKey, p.amount, p.to])).toEqual([['payout-compensation-cmp-1', 3000, 'buyer-1']]);
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'paid', providerRef: 'fake-000001', failedAttempts: 0 });
    expect(await env.timers.pending()).toEqual([]);
  });

  it('given a payout already requested, when the same id comes with another amount, then it is refused and nothing is paid twice', async () => {
    const { provider, start } = setup();
    const service = start();
    await service.payouts.request(request(), system);
    await expect(service.payouts.request(request({ amount: 9999 }), system)).rejects.toThrow(IdempotencyKeyReuseError);
    expect(provider.payments()).toHaveLength(1);
  });

  it('given a provider down for two calls, when time passes, then the durable timers retry with backoff and it pays once', async () => {
    const { env, provider, start } = setup();
    const service = start();
    provider.inject({ fail: 2 });
    await service.payouts.request(request(), system);
    await env.settle();
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'pending', failedAttempts: 1, nextAttemptAt: '2026-11-09T00:00:30.000Z' });
    await env.advance(29_000);
    expect(provider.calls()).toBe(1);
    await env.advance(2 * 60_000);
    expect(await env.streamTypes(payoutStreamId('payout-compensation-cmp-1'))).toEqual([
      'PayoutRequested',
      'PayoutAttemptFailed',
      'PayoutAttemptFailed',
      'PayoutSucceeded',
    ]);
    expect(provider.calls()).toBe(3);
    expect(provider.payments()).toHaveLength(1);
  });

  it('given the provider pays but the answer is lost (timeout), when the payout is retried, then the provider returns the same payment', async () => {
    const { env, provider, start } = setup();
    const service = start();
    provider.inject({ timeOut: 1 });
    await service.payouts.request(request(), system);
    await env.settle();
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'pending', lastError: { code: 'timeout' } });
    expect(provider.payments()).toHaveLength(1);
    await env.advance(60_000);
    const [paid] = (await env.store.readStream(payoutStreamId('payout-compensation-cmp-1'))).filter((e) => e.type === 'PayoutSucceeded');
    expect(paid.data).toMatchObject({ providerRef: provider.payments()[0].providerRef, attempts: 2 });
    expect(provider.payments()).toHaveLength(1);
  });

  it('given a provider that never answers, when the call exceeds the attempt timeout, then it counts as a failed attempt of unknown outcome', async () => {
    const { env, provider, start } = setup();
    const service = start();
    provider.inject({ hang: 1 });
    await service.payouts.request(request(), system);
    provider.releaseHungCalls();
    const [failed] = (await env.store.readStream(payoutStreamId('payout-compensation-cmp-1'))).filter((e) => e.type === 'PayoutAttemptFailed');
    expect(failed.data).toMatchObject({ errorCode: 'timeout', outcome: 'unknown' });
  });

  it('given the provider refuses for good, then the payout fails, no timer is left and nothing was paid', async () => {
    const { env, provider, start } = setup();
    const service = start();
    provider.inject({ reject: 1 });
    await service.payouts.request(request(), system);
    await env.settle();
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'failed', lastError: { code: 'account_closed' } });
    expect(await env.timers.pending()).toEqual([]);
    expect(provider.payments()).toEqual([]);
  });

  it('given the process dies after the provider paid and before the outcome was recorded, when it restarts, then the pending payout is resumed and paid once', async () => {
    const { env, provider, start, crashNextOutcomes } = setup();
    const before = start();
    crashNextOutcomes(1);
    await expect(before.payouts.request(request(), system)).rejects.toThrow('process killed');
    await env.settle();
    expect(provider.payments()).toHaveLength(1);
    expect(await before.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'pending' });

    const after = start();
    expect(await after.resumePending()).toBe(1);
    await env.settle();
    expect(await after.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'paid', providerRef: 'fake-000001' });
    expect(provider.payments()).toHaveLength(1);
    expect(await env.timers.pending()).toEqual([]);
  });

  it('given a crash before resumption ran, when the watchdog timer is due, then it attempts the payout too', async () => {
    const { env, provider, start, crashNextOutcomes } = setup();
    start();
    crashNextOutcomes(1);
    await start()
      .payouts.request(request(), system)
      .catch(() => undefined);
    start();
    await env.advance(60_000);
    expect(await env.streamTypes(payoutStreamId('payout-compensation-cmp-1'))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
    expect(provider.payments()).toHaveLength(1);
  });

  it('given attempts keep failing, when the last allowed attempt fails, then the payout is given up', async () => {
    const { env, provider, start } = setup({ retry: { maxAttempts: 2, baseDelayMs: 1000 } });
    const service = start();
    provider.inject({ fail: 5 });
    await service.payouts.request(request(), system);
    await env.advance(10_000);
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'failed', failedAttempts: 2 });
    expect(provider.calls()).toBe(2);
  });

  describe('re-drive by finance', () => {
    const payoutId = 'payout-compensation-cmp-1';
    const reason = { reason: 'The buyer opened a new account' };

    it('given a payout the provider refused for good, when finance re-drives it with the provider healthy, then the provider is called again and pays once', async () => {
      const { env, provider, start } = setup();
      const service = start();
      provider.inject({ reject: 1 });
      await service.payouts.request(request(), system);
      await env.settle();
      expect(await service.getPayout(payoutId)).toMatchObject({ status: 'failed', failedAttempts: 1 });

      const result = await service.retry(payoutId, reason, finance);
      await env.settle();

      expect(result.state).toMatchObject({ status: 'paid', providerRef: 'fake-000001' });
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutFailed', 'PayoutRetryRequested', 'PayoutSucceeded']);
      const [retried] = (await env.store.readStream(payoutStreamId(payoutId))).filter((e) => e.type === 'PayoutRetryRequested');
      expect(retried.actor).toEqual(finance.actor);
      expect(result.eventIds).toEqual([retried.eventId]);
      expect(provider.calls()).toBe(2);
      expect(provider.payments().map((p) => [p.idempotencyKey, p.amount])).toEqual([[payoutId, 3000]]);
      expect(await service.getPayout(payoutId)).toMatchObject({
        status: 'paid',
        failedAttempts: 1,
        retries: [{ requestedBy: finance.actor, reason: reason.reason, previousAttempts: 1, lastError: { code: 'account_closed' }, requestedAt: '2026-11-09T00:00:00.000Z' }],
      });
      expect((await service.listPayouts({ status: 'failed' })).items).toEqual([]);
      expect(await env.timers.pending()).toEqual([]);

      await expect(service.retry(payoutId, reason, finance)).rejects.toMatchObject({ kind: 'conflict', code: 'payout.not_failed', details: { currentStatus: 'paid' } });
      expect(provider.payments()).toHaveLength(1);
    });

    it('given a payout that ran out of attempts, when it is re-driven and fails again, then it has a fresh budget: the durable timers retry it and it pays once', async () => {
      const { env, provider, start } = setup({ retry: { maxAttempts: 2, baseDelayMs: 1000 } });
      const service = start();
      provider.inject({ fail: 3 });
      await service.payouts.request(request(), system);
      await env.advance(10_000);
      expect(await service.getPayout(payoutId)).toMatchObject({ status: 'failed', failedAttempts: 2 });

      const result = await service.retry(payoutId, reason, finance);
      await env.settle();
      expect(result.state).toMatchObject({ status: 'pending', failedAttempts: 3 });
      expect(await service.getPayout(payoutId)).toMatchObject({ status: 'pending', failedAttempts: 3, nextAttemptAt: '2026-11-09T00:00:11.000Z' });
      expect((await service.getPayout(payoutId))?.failedAt).toBeUndefined();

      await env.advance(10_000);
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual([
        'PayoutRequested',
        'PayoutAttemptFailed',
        'PayoutFailed',
        'PayoutRetryRequested',
        'PayoutAttemptFailed',
        'PayoutSucceeded',
      ]);
      expect(provider.calls()).toBe(4);
      expect(provider.payments()).toHaveLength(1);
      expect(await service.getPayout(payoutId)).toMatchObject({ status: 'paid', failedAttempts: 3 });
    });

    it('given the same Idempotency-Key, when the re-drive is sent twice, then the second is a replay and records nothing', async () => {
      const { env, provider, start } = setup();
      const service = start();
      provider.inject({ reject: 1 });
      await service.payouts.request(request(), system);
      const ctx = { ...finance, commandKey: { key: 'POST /payouts/:payoutId/retry:fin-1:k1', requestHash: 'h1' } };
      const first = await service.retry(payoutId, reason, ctx);
      const second = await service.retry(payoutId, reason, ctx);
      expect([first.replayed, second.replayed]).toEqual([false, true]);
      expect(second.eventIds).toEqual(first.eventIds);
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutFailed', 'PayoutRetryRequested', 'PayoutSucceeded']);
      expect(provider.payments()).toHaveLength(1);
    });

    it('given the process dies before the re-driven attempt is recorded, when the watchdog is due, then it records the one payment the provider made', async () => {
      const { env, provider, start, crashNextOutcomes } = setup();
      const service = start();
      provider.inject({ reject: 1 });
      await service.payouts.request(request(), system);
      crashNextOutcomes(1);
      const result = await service.retry(payoutId, reason, finance);
      expect(result.state.status).toBe('pending');
      await env.settle();
      await env.advance(60_000);
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutFailed', 'PayoutRetryRequested', 'PayoutSucceeded']);
      expect(provider.payments()).toHaveLength(1);
    });

    it('given an unknown payout, when it is re-driven, then it is not found', async () => {
      const { start } = setup();
      await expect(start().retry('payout-nope', reason, finance)).rejects.toThrow(DomainError);
      await expect(start().retry('payout-nope', reason, finance)).rejects.toMatchObject({ kind: 'not_found' });
    });
  });
});
