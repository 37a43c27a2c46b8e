import { DomainError, IdempotencyKeyReuseError, InMemoryEventStore, ManualClock, type EventStore } from '@aftersales/kernel';
import { settlementWithin } from '@aftersales/kernel/testing';
import { testPlatform } from '../testing/test-platform';
import { payoutRequest } from '../testing/payout-fixtures';
import { FakePaymentProvider } from '../adapters/fake-payment-provider';

type ProviderFault = Parameters<FakePaymentProvider['inject']>[0];
import type { PaymentProvider } from './payment-provider';
import { createPayoutService, payoutStreamId, type PayoutServiceOptions } from './payout-service';

const system = { actor: { id: 'compensation', role: 'system' as const } };
const finance = { actor: { id: 'fin-1', role: 'finance' as const } };

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

/** The same store seen by a process that dies right after recording a payout request: it never reads again. */
function diesAfterRequest(inner: EventStore): EventStore {
  let dead = false;
  const store: EventStore = Object.create(inner) as EventStore;
  store.append = async (streamId, events, expected, options) => {
    const result = await inner.append(streamId, events, expected, options);
    if (events.some((e) => e.type === 'PayoutRequested')) dead = true;
    return result;
  };
  store.readStream = (streamId, from) => (dead ? new Promise(() => undefined) : inner.readStream(streamId, from));
  // Dead, it knows no revision: the next command must read its stream, and hangs there.
  store.knownRevision = (streamId) => (dead ? undefined : inner.knownRevision?.(streamId));
  return store;
}

/** A provider that pays each payout only when the test answers it. */
function heldProvider() {
  const waiting = new Map<string, () => void>();
  const provider: PaymentProvider & { called(key: string): Promise<void>; answer(key: string): void } = {
    pay: (instruction) => new Promise((resolve) => waiting.set(instruction.idempotencyKey, () => resolve({ providerRef: `ref-${instruction.idempotencyKey}` }))),
    called: async (key) => {
      while (!waiting.has(key)) await new Promise((resolve) => setImmediate(resolve));
    },
    answer: (key) => waiting.get(key)!(),
  };
  return provider;
}

function setup(options: Partial<PayoutServiceOptions> = {}) {
  const clock = new ManualClock(new Date('2026-11-09T00:00:00.000Z'));
  const crashing = crashingStore(new InMemoryEventStore(clock));
  const env = testPlatform(clock.now(), crashing.store);
  const provider = new FakePaymentProvider({ now: () => env.clock.now() });
  const logged: string[] = [];
  const log = (message: string) => void logged.push(message);
  const start = (overrides: Partial<PayoutServiceOptions> = {}) => {
    const service = createPayoutService(env.platform, { provider, attemptTimeoutMs: 50, log, ...options, ...overrides });
    env.attach([service.runtime], [], [service]);
    return service;
  };
  return { env, provider, start, logged, crashNextOutcomes: crashing.crashNextOutcomes };
}

/** Given a started service and a provider with this fault, when the payout is requested: what the test checks. */
async function requestedWhileProvider(fault: ProviderFault, options: Partial<PayoutServiceOptions> = {}) {
  const world = setup(options);
  const service = world.start();
  world.provider.inject(fault);
  await service.payouts.request(payoutRequest(), system);
  return { ...world, service };
}

describe('payout service', () => {
  it('given a provider that pays, when a payout is requested, then it is paid once and the view says so', async () => {
    const { env, provider, start } = setup();
    const service = start();
    await service.payouts.request(payoutRequest(), system);
    await service.payouts.request(payoutRequest(), system);
    await env.settle();
    expect(await env.streamTypes(payoutStreamId('payout-compensation-cmp-1'))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
    expect(provider.payments().map((p) => [p.idempotencyKey, p.amount, p.to])).toEqual([['payout-compensation-cmp-1', 3000, 'buyer-1']]);
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'paid', providerRef: 'fake-000001', failedAttempts: 0 });
    expect(await env.timers.pending()).toEqual([]);
  });

  it('given a payout already requested, when the same id comes with another amount, then it is refused and nothing is paid twice', async () => {
    const { provider, start } = setup();
    const service = start();
    await service.payouts.request(payoutRequest(), system);
    await expect(service.payouts.request(payoutRequest({ amount: 9999 }), system)).rejects.toThrow(IdempotencyKeyReuseError);
    await service.drain();
    expect(provider.payments()).toHaveLength(1);
  });

  it('given a provider down for two calls, when time passes, then the durable timers retry with backoff and it pays once', async () => {
    const { env, provider, service } = await requestedWhileProvider({ fail: 2 });
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
    const { env, provider, service } = await requestedWhileProvider({ timeOut: 1 });
    await env.settle();
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'pending', lastError: { code: 'timeout' } });
    expect(provider.payments()).toHaveLength(1);
    await env.advance(60_000);
    const [paid] = (await env.store.readStream(payoutStreamId('payout-compensation-cmp-1'))).filter((e) => e.type === 'PayoutSucceeded');
    expect(paid.data).toMatchObject({ providerRef: provider.payments()[0].providerRef, attempts: 2 });
    expect(provider.payments()).toHaveLength(1);
  });

  it('given a provider that never answers, when the call exceeds the attempt timeout, then it counts as a failed attempt of unknown outcome', async () => {
    const { env, provider, service } = await requestedWhileProvider({ hang: 1 });
    await service.drain();
    provider.releaseHungCalls();
    const [failed] = (await env.store.readStream(payoutStreamId('payout-compensation-cmp-1'))).filter((e) => e.type === 'PayoutAttemptFailed');
    expect(failed.data).toMatchObject({ errorCode: 'timeout', outcome: 'unknown' });
  });

  describe('the first attempt runs off the caller (a bus consumer is not held by a slow provider)', () => {
    const payoutId = 'payout-compensation-cmp-1';

    it('given a provider that hangs, when a payout is requested, then payoutRequest() resolves before the provider answers, and the answer pays it once', async () => {
      const { env, provider, start } = setup();
      const service = start({ attemptTimeoutMs: 10_000 });
      provider.inject({ hang: 1 });

      expect(await settlementWithin(service.payouts.request(payoutRequest(), system), 1000)).toBe('resolved');
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested']);

      provider.releaseHungCalls();
      await env.settle();
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
      await env.advance(10 * 60_000);
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
      expect([provider.calls(), provider.payments().length]).toEqual([1, 1]);
      expect(await service.getPayout(payoutId)).toMatchObject({ status: 'paid', providerRef: 'fake-000001', failedAttempts: 0 });
    });

    it('given an attempt in flight, then drain() waits for it, and for an attempt started while it waits', async () => {
      const { env, start } = setup();
      const provider = heldProvider();
      const service = start({ provider, attemptTimeoutMs: 10_000 });
      await service.payouts.request(payoutRequest(), system);
      await provider.called(payoutId);
      const drained = service.drain();
      const second = 'payout-compensation-cmp-2';
      await service.payouts.request(payoutRequest({ payoutId: second, compensationId: 'cmp-2' }), system);
      await provider.called(second);

      provider.answer(payoutId);
      expect(await settlementWithin(drained, 50)).toBe('pending');
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutSucceeded']);

      provider.answer(second);
      expect(await settlementWithin(drained, 1000)).toBe('resolved');
      expect(await env.streamTypes(payoutStreamId(second))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
      expect(await settlementWithin(service.drain(), 50)).toBe('resolved');
    });

    it('given the process dies once the request is recorded, before the first attempt reached the provider, when the watchdog is due, then it pays once', async () => {
      const { env, provider, start } = setup();
      const dying = createPayoutService({ ...env.platform, eventStore: diesAfterRequest(env.store) }, { provider, log: () => undefined });
      await dying.payouts.request(payoutRequest(), system);
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested']);
      expect(provider.calls()).toBe(0);

      start(); // the restarted process, not resuming (as if it started before the request was read back)
      await env.advance(59_000);
      expect(provider.calls()).toBe(0);
      await env.advance(1_000);

      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
      expect([provider.calls(), provider.payments().length]).toEqual([1, 1]);
      expect(await env.timers.pending()).toEqual([]);
    });

    it('given the first attempt cannot record its outcome, then the error is logged, not left unhandled, and the watchdog records the one payment', async () => {
      const { env, provider, start, logged, crashNextOutcomes } = setup();
      const service = start();
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => void unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        crashNextOutcomes(1);
        await service.payouts.request(payoutRequest(), system);
        await env.settle();
        await new Promise((resolve) => setImmediate(resolve));
        expect(unhandled).toEqual([]);
        expect(logged).toContainEqual(expect.stringContaining(`the first attempt of payout ${payoutId} failed`));
        expect(await service.getPayout(payoutId)).toMatchObject({ status: 'pending' });

        await env.advance(60_000);
        expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
        expect(provider.payments()).toHaveLength(1);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });
  });

  it('given the provider refuses for good, then the payout fails, no timer is left and nothing was paid', async () => {
    const { env, provider, service } = await requestedWhileProvider({ reject: 1 });
    await env.settle();
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'failed', lastError: { code: 'account_closed' } });
    expect(await env.timers.pending()).toEqual([]);
    expect(provider.payments()).toEqual([]);
  });

  it('given the process dies after the provider paid and before the outcome was recorded, when it restarts, then the pending payout is resumed and paid once', async () => {
    const { env, provider, start, crashNextOutcomes } = setup();
    const before = start();
    crashNextOutcomes(1);
    await before.payouts.request(payoutRequest(), system);
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
    crashNextOutcomes(1);
    const crashed = start();
    await crashed.payouts.request(payoutRequest(), system);
    await crashed.drain();
    start();
    await env.advance(60_000);
    expect(await env.streamTypes(payoutStreamId('payout-compensation-cmp-1'))).toEqual(['PayoutRequested', 'PayoutSucceeded']);
    expect(provider.payments()).toHaveLength(1);
  });

  it('given attempts keep failing, when the last allowed attempt fails, then the payout is given up', async () => {
    const { env, provider, service } = await requestedWhileProvider({ fail: 5 }, { retry: { maxAttempts: 2, baseDelayMs: 1000 } });
    await env.advance(10_000);
    expect(await service.getPayout('payout-compensation-cmp-1')).toMatchObject({ status: 'failed', failedAttempts: 2 });
    expect(provider.calls()).toBe(2);
  });

  describe('re-drive by finance', () => {
    const payoutId = 'payout-compensation-cmp-1';
    const reason = { reason: 'The buyer opened a new account' };

    it('given a payout the provider refused for good, when finance re-drives it with the provider healthy, then the provider is called again and pays once', async () => {
      const { env, provider, service } = await requestedWhileProvider({ reject: 1 });
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
      const { env, provider, service } = await requestedWhileProvider({ fail: 3 }, { retry: { maxAttempts: 2, baseDelayMs: 1000 } });
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
      const { env, provider, service } = await requestedWhileProvider({ reject: 1 });
      await env.settle();
      const ctx = { ...finance, commandKey: { key: 'POST /payouts/:payoutId/retry:fin-1:k1', requestHash: 'h1' } };
      const first = await service.retry(payoutId, reason, ctx);
      const second = await service.retry(payoutId, reason, ctx);
      expect([first.replayed, second.replayed]).toEqual([false, true]);
      expect(second.eventIds).toEqual(first.eventIds);
      expect(await env.streamTypes(payoutStreamId(payoutId))).toEqual(['PayoutRequested', 'PayoutFailed', 'PayoutRetryRequested', 'PayoutSucceeded']);
      expect(provider.payments()).toHaveLength(1);
    });

    it('given the process dies before the re-driven attempt is recorded, when the watchdog is due, then it records the one payment the provider made', async () => {
      const { env, provider, crashNextOutcomes, service } = await requestedWhileProvider({ reject: 1 });
      await env.settle();
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
