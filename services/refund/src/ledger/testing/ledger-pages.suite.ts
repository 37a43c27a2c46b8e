import { DomainError, type Document, type Page, type Query, type ReadModelStore } from '@aftersales/kernel';
import { at, ledgerOf, type Movement } from './ledger-log';
import { ledgerCsvChunks } from '../domain/csv';
import { createLedger, type Ledger, type LedgerQuery } from '../application/ledger.queries';
import type { JournalEntry } from '../domain/journal';

/** 450 booked movements over 3 shops and 2 currencies, logged out of posting order (minute = 37·i mod 450). */
const movements = (count: number): Movement[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: (['refund', 'compensation', 'return_shipping'] as const)[i % 3],
    amount: 100 + i,
    shop: (i % 3) + 1,
    currency: i % 4 === 0 ? 'USD' : 'CNY',
    minute: (i * 37) % count,
    booked: true,
  }));

/** Reads the pages one after the other, as a client following nextCursor does. */
async function everyPage(ledger: Ledger, query: LedgerQuery, limit?: number): Promise<JournalEntry[][]> {
  const pages: JournalEntry[][] = [];
  let cursor: string | undefined;
  do {
    const page = await ledger.page(query, { limit, cursor });
    pages.push(page.entries);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return pages;
}

const ids = (entries: JournalEntry[]) => entries.map((e) => e.id);
const inPostingOrder = (entries: JournalEntry[]) =>
  entries.every((e, i) => i === 0 || (entries[i - 1].postedAt <= e.postedAt && entries[i - 1].id < e.id));

async function refusal(promise: Promise<unknown>): Promise<{ kind?: string; fields?: unknown }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return { kind: (error as DomainError).kind, fields: (error as DomainError).details.fields };
}

/** Records how much each read asked for, to show that queries go through the store a bounded page at a time. */
function counting(inner: ReadModelStore): { store: ReadModelStore; limits: number[] } {
  const limits: number[] = [];
  const store: ReadModelStore = {
    get: <T extends Document>(collection: string, id: string) => inner.get<T>(collection, id),
    find: <T extends Document>(collection: string, query: Query): Promise<Page<T>> => {
      limits.push(query.limit ?? 50);
      return inner.find<T>(collection, query);
    },
    rows: (collection, parentId, query) => inner.rows(collection, parentId, query),
    commit: (batch) => inner.commit(batch),
    commitAll: (batches) => inner.commitAll(batches),
    flush: () => inner.flush(),
    checkpoint: (projection) => inner.checkpoint(projection),
    wasProcessed: (projection, eventId) => inner.wasProcessed(projection, eventId),
    reset: (projection, collections) => inner.reset(projection, collections),
    close: () => inner.close(),
  };
  return { store, limits };
}

/**
 * The ledger's paging, export and reconciliation on a read-model store: run here on the in-memory store, and on every
 * other adapter by that adapter's own spec (a service never imports an adapter).
 */
export function ledgerPagesSuite(adapter: string, openStore: () => ReadModelStore): void {
  describe(`ledger pages (${adapter} read models)`, () => {
    let readModels: ReadModelStore;
    let ledger: Ledger;

    beforeAll(async () => {
      readModels = openStore();
      ({ ledger } = await ledgerOf(movements(450), readModels));
    });

    afterAll(async () => {
      await readModels.close();
    });

    it('given 450 entries, when paged by 200, then 3 pages in posting order with no gap or repeat, and no cursor after the last', async () => {
      const first = await ledger.page({}, { limit: 200 });
      const second = await ledger.page({}, { limit: 200, cursor: first.nextCursor });
      const third = await ledger.page({}, { limit: 200, cursor: second.nextCursor });

      expect([first.entries.length, second.entries.length, third.entries.length]).toEqual([200, 200, 50]);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(second.nextCursor).toEqual(expect.any(String));
      expect(third.nextCursor).toBeUndefined();
      const all = [...first.entries, ...second.entries, ...third.entries];
      expect(new Set(ids(all)).size).toBe(450);
      expect(inPostingOrder(all)).toBe(true);
      expect(all.map((e) => e.postedAt)).toEqual(Array.from({ length: 450 }, (_, minute) => at(minute)));
    });

    it('given no limit, then a page holds 200; given 1000, then one page holds what two read-model pages hold', async () => {
      const byDefault = await ledger.page({});
      const large = await ledger.page({}, { limit: 1000 });

      expect(byDefault.entries).toHaveLength(200);
      expect(large.entries).toHaveLength(450);
      expect(large.nextCursor).toBeUndefined();
    });

    it.each<[string, LedgerQuery, number]>([
      ['a shop', { shopId: 'shop-2' }, 7],
      ['a period', { from: at(100), to: at(321) }, 50],
      ['a shop and a period', { shopId: 'shop-1', from: at(17), to: at(400) }, 13],
      ['a period given with an offset', { from: '2026-11-01T09:40:00+08:00', to: '2026-11-01T05:00:00.000Z' }, 9],
      ['an order', { orderId: 'ord-77' }, 1],
    ])(
      'given a filter on %s, when paged, then the pages hold exactly the matching entries, in posting order',
      async (_case, query, limit) => {
        const every = await ledger.entries({});
        const from = query.from && new Date(query.from).toISOString();
        const to = query.to && new Date(query.to).toISOString();
        const expected = every.filter(
          (e) =>
            (query.shopId === undefined || e.shopId === query.shopId) &&
            (query.orderId === undefined || e.orderId === query.orderId) &&
            (from === undefined || e.postedAt >= from) &&
            (to === undefined || e.postedAt < to),
        );

        const pages = await everyPage(ledger, query, limit);

        expect(expected.length).toBeGreaterThan(0);
        expect(ids(pages.flat())).toEqual(ids(expected));
        expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
        expect(pages.at(-1)!.length).toBeGreaterThan(0);
        expect(pages.at(-1)!.length).toBeLessThanOrEqual(limit);
      },
    );

    it('given the period 4:00 to 5:00, then the entry posted at 4:00 is in it and the one posted at 5:00 is not', async () => {
      const hour = await ledger.entries({ from: at(240), to: at(300) });

      expect(hour.map((e) => e.postedAt)).toEqual(Array.from({ length: 60 }, (_, i) => at(240 + i)));
    });

    it.each<[string, number]>([
      ['0', 0],
      ['5000', 5000],
      ['1001', 1001],
      ['1.5', 1.5],
    ])('given a limit of %s, then the page is refused, naming the limit', async (_case, limit) => {
      expect(await refusal(ledger.page({}, { limit }))).toEqual({
        kind: 'invalid',
        fields: [{ field: '/limit', message: expect.any(String) }],
      });
    });

    it('given a cursor that was not issued, or issued for another filter, then the page is refused, naming the cursor', async () => {
      const ofShop1 = (await ledger.page({ shopId: 'shop-1' }, { limit: 10 })).nextCursor!;
      const ofPeriod = (await ledger.page({ from: at(10) }, { limit: 10 })).nextCursor!;
      const forged = Buffer.from(
        JSON.stringify({ after: '%%', filter: JSON.parse(Buffer.from(ofShop1, 'base64url').toString()).filter }),
      ).toString('base64url');
      const refusedCursor = { kind: 'invalid', fields: [{ field: '/cursor', message: expect.any(String) }] };

      expect(await refusal(ledger.page({}, { cursor: 'not a cursor' }))).toEqual(refusedCursor);
      expect(await refusal(ledger.page({}, { cursor: 'bm90IGpzb24' }))).toEqual(refusedCursor);
      expect(await refusal(ledger.page({ shopId: 'shop-2' }, { cursor: ofShop1 }))).toEqual(refusedCursor);
      expect(await refusal(ledger.page({}, { cursor: ofShop1 }))).toEqual(refusedCursor);
      expect(await refusal(ledger.page({ from: at(11) }, { cursor: ofPeriod }))).toEqual(refusedCursor);
      expect(await refusal(ledger.page({ shopId: 'shop-1' }, { cursor: forged }))).toEqual(refusedCursor);
      expect((await ledger.page({ shopId: 'shop-1' }, { limit: 10, cursor: ofShop1 })).entries).toHaveLength(10);
      expect(
        (await ledger.page({ from: new Date(at(10)).toISOString().replace('.000Z', 'Z') }, { cursor: ofPeriod })).entries.length,
      ).toBeGreaterThan(0);
    });

    it('given 450 entries, when exported, then the CSV has the header and two rows per entry, read one store page at a time', async () => {
      const reads = counting(readModels);
      const chunks: string[] = [];

      for await (const chunk of ledgerCsvChunks(createLedger(reads.store).pages({}))) chunks.push(chunk);

      const rows = chunks.join('').split('\r\n');
      expect(rows[0].startsWith('entryId,postedAt,kind,')).toBe(true);
      expect(rows).toHaveLength(1 + 900 + 1);
      expect(rows.at(-1)).toBe('');
      expect(chunks).toHaveLength(1 + Math.ceil(450 / 500));
      expect(Math.max(...reads.limits)).toBeLessThanOrEqual(500);
    });

    it('given 450 booked payouts, when reconciled by period, then it matches, reading no more than a store page at a time', async () => {
      const reads = counting(readModels);

      const whole = await createLedger(reads.store).reconciliation({});
      const firstHours = await createLedger(reads.store).reconciliation({ from: at(0), to: at(300) });

      expect(whole).toMatchObject({
        balanced: true,
        matchesPayouts: true,
        journal: { entries: 450 },
        payouts: { count: 450 },
        counterparts: {},
      });
      expect(firstHours).toMatchObject({
        balanced: true,
        matchesPayouts: true,
        journal: { entries: 300 },
        payouts: { count: 300 },
        counterparts: {},
      });
      expect(Math.max(...reads.limits)).toBeLessThanOrEqual(500);
    });
  });
}
