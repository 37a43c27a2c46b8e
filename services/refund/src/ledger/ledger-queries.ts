import type { ReadModelStore } from '@aftersales/kernel';
import type { JournalEntry } from './journal';
import { LEDGER_ENTRIES, LEDGER_PAYOUTS, type LedgerEntryDoc, type LedgerPayoutDoc } from './ledger-projection';
import { reconcile, type Reconciliation } from './reconcile';

export interface LedgerQuery {
  orderId?: string;
  shopId?: string;
  /** Inclusive, ISO time. */
  from?: string;
  /** Exclusive, ISO time. */
  to?: string;
}

export type ReconciliationReport = Reconciliation & {
  from?: string;
  to?: string;
  /** Why an unmatched item is unmatched: its counterpart is booked in another period, or missing altogether. */
  counterparts: Record<string, 'other_period' | 'missing'>;
};

export interface Ledger {
  entries(query: LedgerQuery): Promise<JournalEntry[]>;
  reconciliation(period: { from?: string; to?: string }): Promise<ReconciliationReport>;
}

const PAGE = 500;
const inPeriod = (at: string, { from, to }: { from?: string; to?: string }) =>
  (from === undefined || Date.parse(at) >= Date.parse(from)) && (to === undefined || Date.parse(at) < Date.parse(to));

/** Queries over the ledger read model. Entries come in posting order (their ids start with the posting time). */
export function createLedger(readModels: ReadModelStore): Ledger {
  async function entries(query: LedgerQuery): Promise<JournalEntry[]> {
    const where = Object.fromEntries(Object.entries({ orderId: query.orderId, shopId: query.shopId }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const found: JournalEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await readModels.find<LedgerEntryDoc>(LEDGER_ENTRIES, { where, limit: PAGE, cursor });
      for (const entry of page.items) {
        if (query.to !== undefined && Date.parse(entry.postedAt) >= Date.parse(query.to)) return found;
        if (inPeriod(entry.postedAt, query)) found.push(entry);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  async function confirmedPayouts(period: { from?: string; to?: string }): Promise<LedgerPayoutDoc[]> {
    const found: LedgerPayoutDoc[] = [];
    let cursor: string | undefined;
    do {
      const page = await readModels.find<LedgerPayoutDoc>(LEDGER_PAYOUTS, { limit: PAGE, cursor });
      found.push(...page.items.filter((p) => inPeriod(p.paidAt, period)));
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  async function reconciliation(period: { from?: string; to?: string }): Promise<ReconciliationReport> {
    const booked = await entries(period);
    const payouts = await confirmedPayouts(period);
    const report = reconcile(
      booked,
      payouts.map(({ payoutId, kind, amount, currency, paidAt, eventId }) => ({ payoutId, kind, amount, currency, paidAt, eventId })),
    );
    const counterparts: ReconciliationReport['counterparts'] = {};
    for (const payout of report.unmatched.payoutsWithoutEntry) {
      counterparts[payout.payoutId] = payouts.find((p) => p.payoutId === payout.payoutId)?.entryId ? 'other_period' : 'missing';
    }
    for (const entry of report.unmatched.entriesWithoutPayout) {
      counterparts[entry.payoutId] = (await readModels.get(LEDGER_PAYOUTS, entry.payoutId)) ? 'other_period' : 'missing';
    }
    return { from: period.from, to: period.to, ...report, counterparts };
  }

  return { entries, reconciliation };
}
