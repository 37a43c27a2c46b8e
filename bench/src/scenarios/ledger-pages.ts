import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, ProjectionRunner, type NewEvent } from '@aftersales/kernel';
import { SqliteReadModelStore } from '@aftersales/sqlite';
import { ledgerProjection } from '@aftersales/refund';
import { startEmbedded } from '@aftersales/platform';
import { createTempFolder } from '../support/temp-folder';

export interface LedgerPagingTiming {
  entries: number;
  /** Following nextCursor with limit=200, and with limit=1000. */
  pagedBy200: { ms: number; pages: number; complete: boolean };
  pagedBy1000: { ms: number; pages: number; complete: boolean };
  csv: { ms: number; bytes: number; rows: number; complete: boolean; heapGrowthBytes: number };
  reconciliation: { ms: number; matched: boolean };
}

const START = Date.UTC(2026, 10, 1);
const meta = (occurredAt: string) => ({
  occurredAt,
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'payouts', role: 'system' as const },
});

/** A confirmed compensation payout and its CompensationPaidOut: one ledger entry, as production books it. */
function movement(i: number): { streamId: string; events: NewEvent[] }[] {
  const paidAt = new Date(START + i * 30_000).toISOString();
  const payoutId = `payout-compensation-cmp-${i}`;
  const common = { orderId: `ord-${i}`, shopId: `shop-${i % 50}`, buyerId: `buyer-${i}`, amount: 500 + (i % 1000), currency: 'CNY' };
  const payout = {
    eventId: randomUUID(),
    type: 'PayoutSucceeded',
    schemaVersion: 1,
    data: {
      payoutId,
      kind: 'compensation',
      ...common,
      compensationId: `cmp-${i}`,
      causedBy: [`decision-${i}`],
      providerRef: `ref-${i}`,
      attempts: 1,
      paidAt,
    },
    metadata: meta(paidAt),
  };
  const paidOut = {
    eventId: randomUUID(),
    type: 'CompensationPaidOut',
    schemaVersion: 1,
    data: {
      compensationId: `cmp-${i}`,
      ...common,
      payoutId,
      fundingSource: 'shop_deposit',
      rule: { ruleId: 'compensation.goodwill', rulebookVersion: '2026-12-v4' },
      paidAt,
    },
    metadata: meta(paidAt),
  };
  return [
    { streamId: `payout-${payoutId}`, events: [payout] },
    { streamId: `compensation-cmp-${i}`, events: [paidOut] },
  ];
}

/** Who reads the ledger (the system runs in headers mode on loopback). */
const FINANCE = { 'x-actor-id': 'fin-1', 'x-actor-role': 'finance' };

async function getJson(url: string): Promise<{ nextCursor?: string; entries: { id: string }[] } & Record<string, unknown>> {
  const response = await fetch(url, { headers: FINANCE });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { nextCursor?: string; entries: { id: string }[] };
}

async function pageThrough(url: string, limit: number, entries: number): Promise<{ ms: number; pages: number; complete: boolean }> {
  const seen = new Set<string>();
  let pages = 0;
  let cursor: string | undefined;
  const started = performance.now();
  do {
    const page = await getJson(`${url}/ledger/entries?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    for (const entry of page.entries) seen.add(entry.id);
    pages++;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { ms: performance.now() - started, pages, complete: seen.size === entries };
}

/** Downloads the export as a stream, counting bytes and rows, while sampling the heap of this (server) process. */
async function exportCsv(url: string, entries: number): Promise<LedgerPagingTiming['csv']> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  try {
    const response = await fetch(`${url}/ledger/entries?format=csv`, { headers: FINANCE });
    if (response.status !== 200 || !response.body) throw new Error(`CSV export: ${response.status}`);
    let bytes = 0;
    let rows = 0;
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      // every row ends in CRLF, and a line feed is never part of a multi-byte character: count them in the bytes
      for (const byte of chunk) if (byte === 0x0a) rows++;
    }
    const ms = performance.now() - started;
    return { ms, bytes, rows, complete: rows === 1 + 2 * entries, heapGrowthBytes: heapPeak - heapBefore };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Finance reads of a ledger of `entries` entries through HTTP (embedded runtime): paging with limit 200 and 1000, the
 * CSV export of everything, and the reconciliation of the whole period. The read model is seeded by the ledger
 * projection itself, from a log of PayoutSucceeded + CompensationPaidOut pairs, before the runtime starts.
 */
export async function ledgerPaging(options: { entries: number; log: (line: string) => void }): Promise<LedgerPagingTiming> {
  const folder = createTempFolder('ledger');
  try {
    options.log(`  seeding ${options.entries} ledger entries…`);
    const log = new InMemoryEventStore();
    for (let i = 0; i < options.entries; i++)
      for (const { streamId, events } of movement(i)) await log.append(streamId, events, 'no_stream');
    const seeded = new SqliteReadModelStore({ path: folder.file('read-models.db') });
    await new ProjectionRunner(log, seeded, ledgerProjection).catchUp();
    await seeded.close();

    const system = await startEmbedded({
      port: 0,
      host: '127.0.0.1',
      dataDir: folder.path,
      clock: 'manual',
      manualClockStart: '2026-12-01T00:00:00.000Z',
      timerPollMs: 1000,
      auth: { mode: 'headers' },
    });
    try {
      const url = system.url;
      options.log('  paging…');
      const pagedBy200 = await pageThrough(url, 200, options.entries);
      const pagedBy1000 = await pageThrough(url, 1000, options.entries);
      options.log('  exporting CSV…');
      const csv = await exportCsv(url, options.entries);
      options.log('  reconciling…');
      const started = performance.now();
      const report = await getJson(`${url}/ledger/reconciliation?from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z`);
      const reconciliation = {
        ms: performance.now() - started,
        matched: report.matchesPayouts === true && (report.journal as { entries: number }).entries === options.entries,
      };
      return { entries: options.entries, pagedBy200, pagedBy1000, csv, reconciliation };
    } finally {
      await system.close();
    }
  } finally {
    folder.dispose();
  }
}
