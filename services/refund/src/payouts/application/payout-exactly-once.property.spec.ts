import fc from 'fast-check';
import { InMemoryEventStore, ManualClock, type EventStore } from '@aftersales/kernel';
import { testPlatform } from '../testing/test-platform';
import type { PayoutRequest } from '../domain';
import { FakePaymentProvider } from '../adapters/fake-payment-provider';
import { createPayoutService, payoutStreamId, type PayoutService } from './payout-service';

const payouts: PayoutRequest[] = [0, 1, 2].map((i) => ({
  payoutId: `payout-refund-rf-${i}`,
  kind: 'refund',
  orderId: `ord-${i}`,
  shopId: 'shop-1',
  buyerId: `buyer-${i}`,
  amount: 1000 * (i + 1) + i,
  currency: 'CNY',
  refundId: `rf-${i}`,
  causedBy: [`ev-${i}`],
}));

type Op =
  | { op: 'request'; payout: number }
  | { op: 'faults'; fail: number; timeOut: number }
  | { op: 'crash'; outcomes: number }
  | { op: 'restart' }
  | { op: 'advance'; seconds: number }
  | { op: 'resume' };

const anOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('request' as const), payout: fc.integer({ min: 0, max: payouts.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('faults' as const), fail: fc.nat(3), timeOut: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('crash' as const), outcomes: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'resume' as const }) },
);
/** Batches of operations; the operations of one batch run concurrently. */
const aScenario = fc.array(fc.array(anOp, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });

function world() {
  const clock = new ManualClock(new Date('2026-11-09T00:00:00.000Z'));
  const inner = new InMemoryEventStore(clock);
  let crashes = 0;
  const store: EventStore = Object.create(inner) as EventStore;
  store.append = async (streamId, events, expected, options) => {
    if (crashes > 0 && events.some((e) => e.type !== 'PayoutRequested')) {
      crashes--;
      throw new Error('process killed');
    }
    return inner.append(streamId, events, expected, options);
  };
  const env = testPlatform(clock.now(), store);
  const provider = new FakePaymentProvider({ now: () => env.clock.now() });
  let service: PayoutService;
  /** Every instance started: one that was "restarted" may still be finishing a background attempt. */
  const started: PayoutService[] = [];
  const restart = () => {
    service = createPayoutService(env.platform, {
      provider,
      attemptTimeoutMs: 1000,
      retry: { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 1000 },
      watchdogMs: 5000,
      log: () => undefined,
    });
    started.push(service);
    env.attach([service.runtime], [], [service]);
  };
  restart();
  const requested = new Set<number>();
  const run = async (op: Op): Promise<void> => {
    switch (op.op) {
      case 'request':
        requested.add(op.payout);
        return service.payouts.request(payouts[op.payout], { actor: { id: 'refund', role: 'system' } });
      case 'faults':
        provider.inject({ fail: op.fail, timeOut: op.timeOut });
        return;
      case 'crash':
        crashes += op.outcomes;
        return;
      case 'restart':
        return restart();
      case 'advance':
        await env.advance(op.seconds * 1000);
        return;
      case 'resume':
        await service.resumePending();
        return;
    }
  };
  const recover = async () => {
    await Promise.all(started.map((instance) => instance.drain()));
    provider.clearFaults();
    crashes = 0;
    restart();
    await service.resumePending();
    for (let i = 0; i < 5; i++) await env.advance(120_000);
  };
  return { env, provider, run, recover, requested };
}

describe('payouts: money moves exactly once (property)', () => {
  it('under provider failures, lost answers, crashes, restarts and concurrent requests, every requested payout is paid exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(aScenario, async (scenario) => {
        const { env, provider, run, recover, requested } = world();
        for (const batch of scenario) await Promise.all(batch.map((op) => run(op).catch(() => undefined)));
        await recover();

        for (const [i, payout] of payouts.entries()) {
          const stream = await env.store.readStream(payoutStreamId(payout.payoutId));
          const succeeded = stream.filter((e) => e.type === 'PayoutSucceeded');
          const paid = provider.payments().filter((p) => p.idempotencyKey === payout.payoutId);
          if (requested.has(i)) {
            expect(succeeded).toHaveLength(1);
            expect(paid.map((p) => [p.amount, p.to])).toEqual([[payout.amount, payout.buyerId]]);
            expect((succeeded[0].data as { providerRef: string }).providerRef).toBe(paid[0].providerRef);
          } else {
            expect(stream).toEqual([]);
            expect(paid).toEqual([]);
          }
        }
        const expectedTotal = [...requested].reduce((sum, i) => sum + payouts[i].amount, 0);
        expect(provider.payments().reduce((sum, p) => sum + p.amount, 0)).toBe(expectedTotal);
        expect(await env.timers.pending()).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
