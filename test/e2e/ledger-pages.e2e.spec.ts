import { agent, type HttpClient } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/embedded-system';
import { payOrder, placeOrder } from '../support/orders';

/** A paid order and a goodwill compensation under the approval threshold: paid out at once and booked in the ledger. */
async function bookGoodwill(t: TestSystem, shopId: string, amount: number): Promise<string> {
  const order = await placeOrder(t.api, { shopId });
  await payOrder(t.api, order);
  const proposed = await t.api.post('/compensations', { orderId: order.id, kind: 'goodwill', amount, note: 'sorry' }, { ...agent, shops: [shopId] }, {
    'idempotency-key': `gw-${order.id}`,
  });
  if (proposed.status !== 201) throw new Error(`goodwill: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  await t.settle();
  return order.id;
}

/** Follows nextCursor from the first page to the last. */
async function everyPage(api: HttpClient, query: string): Promise<any[]> {
  const pages: any[] = [];
  let cursor: string | undefined;
  do {
    const answer = await api.get(`/ledger/entries?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(answer.status).toBe(200);
    pages.push(answer.body);
    cursor = answer.body.nextCursor;
  } while (cursor !== undefined);
  return pages;
}

describe('ledger pages and export through HTTP (embedded runtime, manual clock)', () => {
  let t: TestSystem;
  const orders: string[] = [];

  beforeAll(async () => {
    t = await startTestSystem();
    // five entries a minute apart, the third of another shop
    for (const [i, shopId] of ['shop-1', 'shop-1', 'shop-2', 'shop-1', 'shop-1'].entries()) {
      orders.push(await bookGoodwill(t, shopId, 100 * (i + 1)));
      await t.advance({ minutes: 1 });
    }
  });

  afterAll(async () => {
    await t.stop();
  });

  it('given 5 entries, when paged by 2, then 3 pages in posting order with no gap or repeat, each with its own totals, and no cursor on the last', async () => {
    const pages = await everyPage(t.api, 'limit=2');

    expect(pages.map((p) => p.count)).toEqual([2, 2, 1]);
    expect(pages.map((p) => 'nextCursor' in p)).toEqual([true, true, false]);
    const entries = pages.flatMap((p) => p.entries);
    expect(entries.map((e: any) => e.orderId)).toEqual(orders);
    expect(entries.map((e: any) => e.postedAt)).toEqual([...entries.map((e: any) => e.postedAt)].sort());
    expect(pages[0].pageTotals).toEqual({ balanced: true, byCurrency: { CNY: { debits: 300, credits: 300, balanced: true } } });
    expect(pages[2].pageTotals).toEqual({ balanced: true, byCurrency: { CNY: { debits: 500, credits: 500, balanced: true } } });
    expect(pages.every((p) => JSON.stringify(p.totals) === JSON.stringify(p.pageTotals))).toBe(true);
  });

  it('given a shop and a period, when paged, then the pages hold only its entries, in posting order', async () => {
    const all = (await t.api.get('/ledger/entries')).body.entries as any[];
    const [from, to] = [all[1].postedAt, all[4].postedAt];

    const pages = await everyPage(t.api, `shopId=shop-1&from=${from}&to=${to}&limit=1`);

    expect(pages.flatMap((p) => p.entries).map((e: any) => e.orderId)).toEqual([orders[1], orders[3]]);
    expect(pages[0]).toMatchObject({ shopId: 'shop-1', from, to, count: 1 });
  });

  it('given a limit and no cursor, when exported as CSV, then the file holds every matching entry, two rows each', async () => {
    const csv = await t.api.get('/ledger/entries?format=csv&limit=1');
    const shop1 = await t.api.get('/ledger/entries?format=csv&shopId=shop-1');

    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ledger-entries.csv"');
    const rows = (csv.body as string).split('\r\n');
    expect(rows[0]).toBe(
      'entryId,postedAt,kind,orderId,shopId,buyerId,account,debit,credit,currency,payoutId,refundId,compensationId,ruleId,rulebookVersion,sourceEventType,sourceEventId,causedBy,explanation,disputeId,disputeRemedyId,disputeRulingId',
    );
    expect(rows).toHaveLength(1 + 10 + 1);
    expect(rows.slice(1, -1).map((r) => r.split(',')[3])).toEqual(orders.flatMap((o) => [o, o]));
    expect((shop1.body as string).trim().split('\r\n')).toHaveLength(1 + 8);
  });

  it.each([
    ['limit=0', '/limit'],
    ['limit=5000', '/limit'],
    ['limit=two', '/limit'],
    ['cursor=%25%25not-a-cursor', '/cursor'],
    ['cursor=bm90IGpzb24', '/cursor'],
    ['format=csv&cursor=abc', '/cursor'],
  ])('given %s, then 400 problem+json naming %s', async (query, field) => {
    const bad = await t.api.get(`/ledger/entries?${query}`);

    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual([field]);
  });

  it('given a cursor of one filter, when used with another, then 400 naming the cursor, and the ledger is unchanged', async () => {
    const before = (await t.api.get('/ledger/entries')).body;
    const ofShop1 = (await t.api.get('/ledger/entries?shopId=shop-1&limit=1')).body.nextCursor;

    const withOtherShop = await t.api.get(`/ledger/entries?shopId=shop-2&limit=1&cursor=${ofShop1}`);
    const withoutShop = await t.api.get(`/ledger/entries?limit=1&cursor=${ofShop1}`);
    const withSameShop = await t.api.get(`/ledger/entries?shopId=shop-1&limit=1&cursor=${ofShop1}`);

    expect(withOtherShop.status).toBe(400);
    expect(withOtherShop.body.errors).toEqual([{ field: '/cursor', message: expect.stringContaining('another filter') }]);
    expect(withoutShop.status).toBe(400);
    expect(withSameShop.status).toBe(200);
    expect(withSameShop.body.entries[0].orderId).toBe(orders[1]);
    expect((await t.api.get('/ledger/entries')).body).toEqual(before);
  });

  it('reconciles the period, and the OpenAPI document describes the paging', async () => {
    const reconciliation = (await t.api.get('/ledger/reconciliation?from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z')).body;
    const openapi = (await t.api.get('/openapi.json')).body;
    const parameters = openapi.paths['/ledger/entries'].get.parameters.map((p: any) => p.name);

    expect(reconciliation).toMatchObject({
      balanced: true,
      matchesPayouts: true,
      payouts: { count: 5, byCurrency: { CNY: 1500 } },
      journal: { entries: 5 },
    });
    expect(parameters).toEqual(expect.arrayContaining(['limit', 'cursor']));
  });
});
