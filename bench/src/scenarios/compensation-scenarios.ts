import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { currentRulebook, type CompensationDecided } from '@aftersales/contracts';
import { ProjectionRunner, SystemClock, type MessageBus, type NewEvent, type Platform } from '@aftersales/kernel';
import { SqliteEventStore, SqliteReadModelStore, SqliteTimerStore } from '@aftersales/sqlite';
import {
  calculateCompensation,
  createPayoutService,
  FakePaymentProvider,
  lateShipmentCompensationId,
  sourceEventsProjection,
} from '@aftersales/refund';
import { startEmbedded } from '@aftersales/platform';
import { perSecond } from '../support/statistics';
import { createTempFolder } from '../support/temp-folder';
import type { AuditWorkerReport } from './audit-worker';

const runFile = promisify(execFile);

const agent = { 'x-actor-id': 'agent-7', 'x-actor-role': 'agent', 'content-type': 'application/json' };
const buyer = { 'x-actor-id': 'buyer-1', 'x-actor-role': 'buyer', 'content-type': 'application/json' };
const address = { name: 'Li Lei', phone: '13800000000', province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', street: '1 Wensan Road' };

export interface PayoutThroughput {
  payouts: number;
  concurrency: number;
  ms: number;
  perSecond: number;
  providerCalls: number;
  reconciled: boolean;
}

/** Runs `work` on every item with at most `concurrency` in flight. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers; the checks below read what they need
async function call(url: string, method: string, body: unknown, headers: Record<string, string>): Promise<any> {
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Payouts per second through the full path, in the embedded runtime: POST /compensations (goodwill, under the
 * approval threshold) → CompensationDecided → bus → PayoutRequested → fake provider (fsync'd) → PayoutSucceeded → bus →
 * CompensationPaidOut → ledger projection. Timed from the first POST until /admin/settle says everything is processed.
 */
export async function payoutThroughput(options: { payouts: number; concurrency: number; log: (line: string) => void }): Promise<PayoutThroughput> {
  const folder = createTempFolder('payouts');
  const system = await startEmbedded({ port: 0, host: '127.0.0.1', dataDir: folder.path, clock: 'manual', manualClockStart: '2026-11-02T08:00:00.000Z', timerPollMs: 1000 });
  try {
    const url = system.url;
    const orders = Array.from({ length: options.payouts }, (_, i) => i);
    const ids: string[] = [];
    await pool(orders, options.concurrency, async (i) => {
      const order = await call(`${url}/orders`, 'POST', { buyerId: `buyer-${i}`, shopId: `shop-${i % 20}`, items: [{ sku: 'tea', title: 'Tea', quantity: 1, unitPrice: 10_000 }], shippingFee: 0, paymentMethod: 'online', address }, buyer);
      await call(`${url}/orders/${order.id}/payment`, 'POST', { amount: order.total, paymentRef: `p-${i}` }, { ...buyer, 'idempotency-key': `pay-${i}` });
      ids.push(order.id);
    });
    await call(`${url}/admin/settle`, 'POST', {}, { 'content-type': 'application/json' });
    options.log(`  ${ids.length} paid orders ready; proposing ${ids.length} compensations with ${options.concurrency} clients`);

    const started = performance.now();
    await pool(ids, options.concurrency, async (orderId) => {
      await call(`${url}/compensations`, 'POST', { orderId, kind: 'goodwill', amount: 500 }, { ...agent, 'idempotency-key': `gw-${orderId}` });
    });
    await call(`${url}/admin/settle`, 'POST', {}, { 'content-type': 'application/json' });
    const ms = performance.now() - started;

    const reconciliation = await call(`${url}/ledger/reconciliation`, 'GET', undefined, {});
    const provider = await call(`${url}/admin/payment-provider/payments`, 'GET', undefined, {});
    if (provider.count !== ids.length || reconciliation.payouts.count !== ids.length) {
      throw new Error(`expected ${ids.length} payouts, the provider made ${provider.count} and the ledger saw ${reconciliation.payouts.count}`);
    }
    return { payouts: ids.length, concurrency: options.concurrency, ms, perSecond: perSecond(ids.length, ms), providerCalls: provider.calls, reconciled: reconciliation.balanced && reconciliation.matchesPayouts };
  } finally {
    await system.close();
    folder.dispose();
  }
}

/**
 * The payout mechanism alone on the SQLite adapters: request (PayoutRequested, fsync) → fake provider (fsync'd file) →
 * PayoutSucceeded (fsync), `concurrency` payouts in flight. What the full path adds on top is HTTP, the bus and the
 * compensation aggregate.
 */
export async function payoutServiceThroughput(options: { payouts: number; concurrency: number }): Promise<PayoutThroughput> {
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
    return { payouts: ids.length, concurrency: options.concurrency, ms, perSecond: perSecond(ids.length, ms), providerCalls: provider.calls(), reconciled: true };
  } finally {
    await timers.close();
    await readModels.close();
    await eventStore.close();
    folder.dispose();
  }
}

export interface AuditReplayTiming {
  decisions: number;
  eventsInLog: number;
  verifyMs: number;
  mismatches: number;
  whatIfMs: number;
  whatIfDelta: number;
  /** Peak RSS of the child process that ran verify and what-if (nothing else). */
  peakRssBytes: number;
  /** RSS of that child once its modules were loaded, before the audit. */
  startRssBytes: number;
}

/**
 * Time to audit-replay `decisions` compensation decisions: a SQLite log seeded with that many late orders (ship-by
 * missed, decided with the current rulebook) and the audit's view of their source events, then verify() and a what-if
 * with the draft rulebook in a child process (audit-worker.ts), so its peak RSS is the audit's alone.
 */
export async function auditReplay(options: { decisions: number; log: (line: string) => void }): Promise<AuditReplayTiming> {
  const folder = createTempFolder('audit');
  const eventsPath = folder.file('events.db');
  const readModelsPath = folder.file('read-models.db');
  const store = new SqliteEventStore({ path: eventsPath, clock: new SystemClock() });
  const readModels = new SqliteReadModelStore({ path: readModelsPath });
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
      if (appends.length >= 500) await Promise.all(appends.splice(0));
    }
    await Promise.all(appends);
    await new ProjectionRunner(store, readModels, sourceEventsProjection).catchUp();
    const eventsInLog = await store.headPosition();
    options.log(`  seeded ${options.decisions} decisions (${eventsInLog} events)`);
    await readModels.close(); // closing twice (again below) is harmless
    await store.close();
    const report = await runAuditWorker(eventsPath, readModelsPath);
    if (report.checked !== options.decisions) throw new Error(`checked ${report.checked} of ${options.decisions}`);
    return {
      decisions: report.checked,
      eventsInLog,
      verifyMs: report.verifyMs,
      mismatches: report.mismatches,
      whatIfMs: report.whatIfMs,
      whatIfDelta: report.whatIfDelta,
      peakRssBytes: report.peakRssBytes,
      startRssBytes: report.startRssBytes,
    };
  } finally {
    await readModels.close();
    await store.close();
    folder.dispose();
  }
}

/**
 * The audit child's heap cap. The audit holds one page of decisions, so it needs little; without a cap V8 lets
 * garbage pile up to ~240 MB of RSS before collecting it. The whole-log audit it replaced needed ~1 GB.
 */
export const AUDIT_HEAP_LIMIT_MB = 128;

async function runAuditWorker(eventsPath: string, readModelsPath: string): Promise<AuditWorkerReport> {
  const worker = join(__dirname, 'audit-worker.js');
  const { stdout } = await runFile(process.execPath, [`--max-old-space-size=${AUDIT_HEAP_LIMIT_MB}`, worker, eventsPath, readModelsPath], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as AuditWorkerReport;
}
