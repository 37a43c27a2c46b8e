import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { currentRulebook, type CompensationDecided } from '@aftersales/contracts';
import { ProjectionRunner, SystemClock, type MessageBus, type NewEvent, type Platform } from '@aftersales/kernel';
import { SqliteEventStore, SqliteReadModelStore, SqliteTimerStore } from '@aftersales/sqlite';
import {
  calculateCompensation,
  createCompensationAudit,
  createPayoutService,
  FakePaymentProvider,
  lateShipmentCompensationId,
  sourceEventsProjection,
} from '@aftersales/refund';
import { perSecond } from '../support/statistics';
import { createTempFolder } from '../support/temp-folder';

/*
 * Run in a child process with BENCH_TARGET's packages (target/child-scenario.ts). The internal API they call, for
 * whoever adapts them to a changed checkout: SqliteEventStore({path, clock}), SqliteReadModelStore({path}),
 * SqliteTimerStore({path}), createPayoutService(platform, {provider}) → {payouts.request(), drain()},
 * FakePaymentProvider({file}), createCompensationAudit(store, readModels) → {verify(), whatIf()},
 * ProjectionRunner(store, readModels, sourceEventsProjection).catchUp(), calculateCompensation, lateShipmentCompensationId.
 */

export interface PayoutServiceThroughput {
  payouts: number;
  concurrency: number;
  ms: number;
  perSecond: number;
}

/** Runs `work` on every item with at most `concurrency` in flight. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/**
 * The payout mechanism alone on the SQLite adapters: request (PayoutRequested, fsync) → fake provider (fsync'd file) →
 * PayoutSucceeded (fsync), `concurrency` payouts in flight. What the full path adds on top is HTTP, the bus and the
 * compensation aggregate.
 */
export async function payoutServiceThroughput(options: { payouts: number; concurrency: number }): Promise<PayoutServiceThroughput> {
  const folder = createTempFolder('payout-service');
  const clock = new SystemClock();
  const eventStore = new SqliteEventStore({ path: folder.file('events.db'), clock });
  const readModels = new SqliteReadModelStore({ path: folder.file('read-models.db') });
  const timers = new SqliteTimerStore({ path: folder.file('timers.db') });
  const bus = {} as MessageBus;
  const platform: Platform = { eventStore, readModels, timers, bus, clock, settle: async () => undefined };
  const provider = new FakePaymentProvider({ file: folder.file('provider.jsonl') });
  const service = createPayoutService(platform, { provider });
  try {
    const ids = Array.from({ length: options.payouts }, (_, i) => i);
    const started = performance.now();
    await pool(ids, options.concurrency, async (i) => {
      await service.payouts.request(
        { payoutId: `payout-bench-${i}`, kind: 'compensation', orderId: `ord-${i}`, shopId: 'shop-1', buyerId: `buyer-${i}`, amount: 500, currency: 'CNY', compensationId: `cmp-${i}`, causedBy: ['bench'] },
        { actor: { id: 'bench', role: 'system' } },
      );
    });
    await service.drain(); // request() returns once the request is durable; the attempts finish in the background
    const ms = performance.now() - started;
    if (provider.payments().length !== ids.length) throw new Error(`the provider made ${provider.payments().length} of ${ids.length} payments`);
    return { payouts: ids.length, concurrency: options.concurrency, ms, perSecond: perSecond(ids.length, ms) };
  } finally {
    await timers.close();
    await readModels.close();
    await eventStore.close();
    folder.dispose();
  }
}

export interface AuditVerifyTiming {
  decisions: number;
  verifyMs: number;
  /** CPU time (user + system, every thread of the process) verify took: beside verifyMs, it tells the work from the machine's load. */
  verifyCpuMs: number;
  /** Peak RSS of this process when verify returned (modules, stores and verify). */
  peakRssBytes: number;
  mismatches: number;
  whatIfMs: number;
  whatIfDelta: number;
}

/**
 * Seeds `dir` with `decisions` compensation decisions: a SQLite log of that many late orders (ship-by missed, decided
 * with the current rulebook) and the audit's view of their source events (sourceEventsProjection caught up).
 */
export async function seedAudit(options: { dir: string; decisions: number; log: (line: string) => void }): Promise<{ eventsInLog: number }> {
  const started = performance.now();
  const store = new SqliteEventStore({ path: join(options.dir, 'events.db'), clock: new SystemClock() });
  const readModels = new SqliteReadModelStore({ path: join(options.dir, 'read-models.db') });
  try {
    const rulebook = currentRulebook();
    const at = '2026-11-05T08:00:00.000Z';
    const meta = { occurredAt: at, correlationId: 'bench', causationId: null, actor: { id: 'scheduler', role: 'system' as const } };
    const event = (type: string, data: object): NewEvent => ({ eventId: randomUUID(), type, schemaVersion: 1, data, metadata: meta });
    const appends: Promise<unknown>[] = [];
    for (let i = 0; i < options.decisions; i++) {
      const orderId = `ord-${i}`;
      const paidAmount = 5_000 + ((i * 7919) % 200_000);
      const missed = event('ShipByDeadlineMissed', {
        orderId, shopId: `shop-${i % 50}`, buyerId: `buyer-${i}`, shipBy: at, detectedAt: at, paymentMethod: 'online',
        paidAmount, itemsTotal: paidAmount, shippingFee: 0, total: paidAmount, currency: 'CNY', rulebookVersion: rulebook.version,
      });
      const facts = { orderId, shopId: `shop-${i % 50}`, buyerId: `buyer-${i}`, currency: 'CNY', missedShipBy: { eventId: missed.eventId, paidAmount, shipBy: at, detectedAt: at } };
      const { shopId, buyerId, ...calculation } = calculateCompensation({ kind: 'late_shipment' }, facts, rulebook, at);
      const compensationId = lateShipmentCompensationId(orderId);
      const decision: CompensationDecided = { compensationId, orderId, shopId, buyerId, ...calculation, decidedAt: at };
      appends.push(store.append(`order-${orderId}`, [missed], 'any').then(() => store.append(`compensation-${compensationId}`, [event('CompensationDecided', decision)], 'no_stream')));
      if (appends.length >= 2000) await Promise.all(appends.splice(0));
    }
    await Promise.all(appends);
    await new ProjectionRunner(store, readModels, sourceEventsProjection).catchUp();
    const eventsInLog = await store.headPosition();
    options.log(`  seeded ${options.decisions} decisions (${eventsInLog} events) in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`);
    return { eventsInLog };
  } finally {
    await readModels.close();
    await store.close();
  }
}

/** Verifies every decision seeded by seedAudit in `dir` (timed, peak RSS taken right after), then a what-if. */
export async function verifyAudit(options: { dir: string; decisions: number }): Promise<AuditVerifyTiming> {
  const store = new SqliteEventStore({ path: join(options.dir, 'events.db'), clock: new SystemClock() });
  const readModels = new SqliteReadModelStore({ path: join(options.dir, 'read-models.db') });
  try {
    const audit = createCompensationAudit(store, readModels);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const verified = await audit.verify();
    const cpu = process.cpuUsage(cpu0);
    const verifyMs = performance.now() - t0;
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const t1 = performance.now();
    const whatIf = await audit.whatIf('2027-01-v2');
    const whatIfMs = performance.now() - t1;
    if (verified.checked !== options.decisions) throw new Error(`checked ${verified.checked} of ${options.decisions}`);
    return { decisions: verified.checked, verifyMs, verifyCpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes, mismatches: verified.mismatches.length, whatIfMs, whatIfDelta: whatIf.delta.amount };
  } finally {
    await readModels.close();
    await store.close();
  }
}
