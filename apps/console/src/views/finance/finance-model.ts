/**
 * The finance view's pure part: the ledger filter as the API's query (days of the viewer's zone → UTC instants), the
 * CSV file's name, and the totals as rows.
 */

/** What finance types: a shop, an order, and a period of whole days in the viewer's zone (both days included). */
export interface LedgerFilter {
  shopId?: string;
  orderId?: string;
  /** YYYY-MM-DD */
  fromDay?: string;
  toDay?: string;
}

export type LedgerQuery = Partial<Record<'shopId' | 'orderId' | 'from' | 'to', string>>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a day starts in the viewer's zone (the browser's, or the one the tests pin through `offsetOf`). */
export function dayStart(day: string, dayOffset = 0): string | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d) + dayOffset).toISOString();
}

/** The query of GET /ledger/entries (and /ledger/reconciliation): `to` is exclusive, so the last day's end. */
export function ledgerQuery(filter: LedgerFilter): LedgerQuery {
  const query: LedgerQuery = {};
  const shopId = filter.shopId?.trim();
  const orderId = filter.orderId?.trim();
  if (shopId) query.shopId = shopId;
  if (orderId) query.orderId = orderId;
  const from = filter.fromDay ? dayStart(filter.fromDay) : undefined;
  const to = filter.toDay ? dayStart(filter.toDay, 1) : undefined;
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** `ledger-entries_shop-1_2026-11-01_2026-11-30.csv`: what was asked for, in the file's name. */
export function csvFileName(filter: LedgerFilter): string {
  const parts = [filter.shopId, filter.orderId, filter.fromDay, filter.toDay].map((part) => part?.trim()).filter((part): part is string => !!part);
  return `${['ledger-entries', ...parts].join('_').replace(/[^\w.-]+/g, '-')}.csv`;
}

export interface Totals {
  byCurrency: Record<string, { debits: number; credits: number; balanced: boolean }>;
  balanced: boolean;
}

export const totalsRows = (totals: Totals | undefined) =>
  Object.entries(totals?.byCurrency ?? {})
    .map(([currency, sums]) => ({ currency, ...sums }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
