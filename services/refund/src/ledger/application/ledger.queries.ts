import { DomainError, invalid, type Document, type Query, type ReadModelStore } from '@aftersales/kernel';
import { journalEntryIdFloor, ledgerTime, type JournalEntry } from '../domain/journal';
import { decodeLedgerCursor, encodeLedgerCursor, type EntryFilter } from './ledger-cursor';
import { LEDGER_ENTRIES, LEDGER_PAYOUTS, type LedgerEntryDoc, type LedgerPayoutDoc } from '../projections/ledger.projection';
import { ReconciliationTally, type ConfirmedPayout, type Reconciliation } from '../domain/reconcile';

export interface LedgerQuery {
  orderId?: string;
  shopId?: string;
  /** Inclusive, ISO time. */
  from?: string;
  /** Exclusive, ISO time. */
  to?: string;
}

export type Period = Pick<LedgerQuery, 'from' | 'to'>;

export interface PageRequest {
  /** 1..MAX_ENTRIES_PAGE, DEFAULT_ENTRIES_PAGE when absent. */
  limit?: number;
  /** The `nextCursor` of the previous page, read with the same query. */
  cursor?: string;
}

export interface LedgerPage {
  entries: JournalEntry[];
  /** Absent on the last page. */
  nextCursor?: string;
}

export type ReconciliationReport = Reconciliation & {
  from?: string;
  to?: string;
  /** Why an unmatched item is unmatched: its counterpart is booked in another period, or missing altogether. */
  counterparts: Record<string, 'other_period' | 'missing'>;
};

export interface Ledger {
  /** One page of entries in posting order. */
  page(query: LedgerQuery, request?: PageRequest): Promise<LedgerPage>;
  /** Every matching entry in posting order, one read-model page at a time: an export of any length. */
  pages(query: LedgerQuery): AsyncGenerator<JournalEntry[]>;
  /** Every matching entry at once: for tests and small sets (the HTTP edge pages or streams). */
  entries(query: LedgerQuery): Promise<JournalEntry[]>;
  /** Reads the period a page at a time: memory holds one page and what does not match. */
  reconciliation(period: Period): Promise<ReconciliationReport>;
}

export const DEFAULT_ENTRIES_PAGE = 200;
export const MAX_ENTRIES_PAGE = 1000;
/** The most the read model hands out at once (both adapters cap a page at 500). */
const STORE_PAGE = 500;

function checkedTime(field: 'from' | 'to', at: string | undefined): string | undefined {
  if (at === undefined) return undefined;
  if (Number.isNaN(Date.parse(at))) throw invalid('The period is invalid', [{ field: `/${field}`, message: 'must be a date-time' }]);
  return ledgerTime(at);
}

function filterOf(query: LedgerQuery): EntryFilter {
  const filter: EntryFilter = {
    orderId: query.orderId,
    shopId: query.shopId,
    from: checkedTime('from', query.from),
    to: checkedTime('to', query.to),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}

/** Entry ids start with the posting time, so a period is a range of ids, served by the read model's id index. */
function entriesQuery({ orderId, shopId, from, to }: EntryFilter): Query {
  return {
    where: { ...(orderId === undefined ? {} : { orderId }), ...(shopId === undefined ? {} : { shopId }) },
    ...(from === undefined && to === undefined
      ? {}
      : {
          range: {
            field: 'id',
            from: from === undefined ? undefined : journalEntryIdFloor(from),
            before: to === undefined ? undefined : journalEntryIdFloor(to),
          },
        }),
  };
}

const inPeriod = (at: string, { from, to }: EntryFilter): boolean => (from === undefined || at >= from) && (to === undefined || at < to);

const confirmed = ({ payoutId, kind, amount, currency, paidAt, eventId }: LedgerPayoutDoc): ConfirmedPayout => ({
  payoutId,
  kind,
  amount,
  currency,
  paidAt,
  eventId,
});

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ENTRIES_PAGE) {
    throw invalid('The page size is invalid', [{ field: '/limit', message: `must be an integer from 1 to ${MAX_ENTRIES_PAGE}` }]);
  }
}

/** Queries over the ledger read model. Entries come in posting order (their ids start with the posting time). */
export function createLedger(readModels: ReadModelStore): Ledger {
  async function* all<T extends Document>(collection: string, query: Query): AsyncGenerator<T[]> {
    let cursor: string | undefined;
    do {
      const found = await readModels.find<T>(collection, { ...query, limit: STORE_PAGE, cursor });
      if (found.items.length > 0) yield found.items;
      cursor = found.nextCursor;
    } while (cursor !== undefined);
  }

  async function page(query: LedgerQuery, { limit = DEFAULT_ENTRIES_PAGE, cursor }: PageRequest = {}): Promise<LedgerPage> {
    checkLimit(limit);
    const filter = filterOf(query);
    const base = entriesQuery(filter);
    let after = cursor === undefined ? undefined : decodeLedgerCursor(cursor, filter);
    const entries: JournalEntry[] = [];
    do {
      const found = await findEntries({ ...base, limit: Math.min(STORE_PAGE, limit - entries.length), cursor: after });
      entries.push(...found.items);
      after = found.nextCursor;
    } while (after !== undefined && entries.length < limit);
    return after === undefined ? { entries } : { entries, nextCursor: encodeLedgerCursor(after, filter) };
  }

  /** The read model refuses a cursor it did not issue; to the client that is the ledger cursor it sent. */
  async function findEntries(query: Query) {
    try {
      return await readModels.find<LedgerEntryDoc>(LEDGER_ENTRIES, query);
    } catch (error) {
      if (query.cursor !== undefined && error instanceof DomainError && error.kind === 'invalid') {
        throw invalid('The cursor cannot be used', [{ field: '/cursor', message: 'not a cursor this API issued' }]);
      }
      throw error;
    }
  }

  function pages(query: LedgerQuery): AsyncGenerator<JournalEntry[]> {
    return all<LedgerEntryDoc>(LEDGER_ENTRIES, entriesQuery(filterOf(query)));
  }

  async function entries(query: LedgerQuery): Promise<JournalEntry[]> {
    const found: JournalEntry[] = [];
    for await (const items of pages(query)) found.push(...items);
    return found;
  }

  /**
   * Confirmed payouts of the period, then its entries, a page at a time. A payout is booked in the period when its
   * entry's id (which starts with the posting time) falls in it; an entry is matched when its payout was confirmed in
   * the period, which one read of that payout tells.
   */
  async function reconciliation(period: Period): Promise<ReconciliationReport> {
    const filter = filterOf({ from: period.from, to: period.to });
    const entryIds = entriesQuery(filter).range;
    const bookedInPeriod = (entryId: string | undefined): boolean =>
      entryId !== undefined &&
      (entryIds?.from === undefined || entryId >= entryIds.from) &&
      (entryIds?.before === undefined || entryId < entryIds.before);
    const tally = new ReconciliationTally();
    const counterparts: ReconciliationReport['counterparts'] = {};

    const paidInPeriod: Query =
      filter.from === undefined && filter.to === undefined ? {} : { range: { field: 'paidAt', from: filter.from, before: filter.to } };
    for await (const payouts of all<LedgerPayoutDoc>(LEDGER_PAYOUTS, paidInPeriod)) {
      for (const payout of payouts) {
        const booked = bookedInPeriod(payout.entryId);
        tally.addPayout(confirmed(payout), booked);
        if (!booked) counterparts[payout.payoutId] = payout.entryId ? 'other_period' : 'missing';
      }
    }
    for await (const entries of pages(filter)) {
      for (const entry of entries) {
        const payout = await readModels.get<LedgerPayoutDoc>(LEDGER_PAYOUTS, entry.payoutId);
        const samePeriod = payout !== undefined && inPeriod(payout.paidAt, filter);
        tally.addEntry(entry, samePeriod ? confirmed(payout) : undefined);
        if (!samePeriod) counterparts[entry.payoutId] = payout ? 'other_period' : 'missing';
      }
    }
    return { from: period.from, to: period.to, ...tally.result(), counterparts };
  }

  return { page, pages, entries, reconciliation };
}
