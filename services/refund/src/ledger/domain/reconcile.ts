import type { PayoutKind } from '@aftersales/contracts';
import { PAYMENT_PROVIDER_ACCOUNT, TrialBalanceTally, type JournalEntry, type TrialBalance } from './journal';

/** A payout the provider confirmed (PayoutSucceeded), as the ledger keeps it for reconciliation. */
export type ConfirmedPayout = {
  payoutId: string;
  kind: PayoutKind;
  amount: number;
  currency: string;
  paidAt: string;
  eventId: string;
};

export interface Reconciliation {
  journal: TrialBalance;
  payouts: { count: number; byCurrency: Record<string, number>; byKind: Record<string, { count: number; amount: number }> };
  /** Per currency: what the journal says left the provider account (its credits). */
  paidOutPerJournal: Record<string, number>;
  balanced: boolean;
  /** The journal's provider credits equal the confirmed payouts, payout by payout. */
  matchesPayouts: boolean;
  unmatched: {
    payoutsWithoutEntry: ConfirmedPayout[];
    entriesWithoutPayout: { entryId: string; payoutId: string; amount: number; currency: string }[];
    amountMismatches: { payoutId: string; entryAmount: number; payoutAmount: number }[];
  };
}

/**
 * A reconciliation added up one item at a time, so a period of any length needs one page in memory (plus what is
 * unmatched, which is the report). The caller pairs each item with its counterpart in the same period.
 */
export class ReconciliationTally {
  private readonly journal = new TrialBalanceTally();
  private readonly paidOutPerJournal: Record<string, number> = {};
  private readonly payouts: Reconciliation['payouts'] = { count: 0, byCurrency: {}, byKind: {} };
  private readonly unmatched: Reconciliation['unmatched'] = { payoutsWithoutEntry: [], entriesWithoutPayout: [], amountMismatches: [] };

  /** A confirmed payout of the period; `booked`: an entry of the same period books it. */
  addPayout(payout: ConfirmedPayout, booked: boolean): void {
    const { payoutId, kind, amount, currency, paidAt, eventId } = payout;
    this.payouts.count++;
    this.payouts.byCurrency[currency] = (this.payouts.byCurrency[currency] ?? 0) + amount;
    const byKind = (this.payouts.byKind[kind] ??= { count: 0, amount: 0 });
    byKind.count++;
    byKind.amount += amount;
    if (!booked) this.unmatched.payoutsWithoutEntry.push({ payoutId, kind, amount, currency, paidAt, eventId });
  }

  /** A journal entry of the period with the payout it books, when that payout was confirmed in the same period. */
  addEntry(entry: JournalEntry, payout: ConfirmedPayout | undefined): void {
    this.journal.add(entry);
    for (const line of entry.lines) {
      if (line.account === PAYMENT_PROVIDER_ACCOUNT) this.paidOutPerJournal[entry.currency] = (this.paidOutPerJournal[entry.currency] ?? 0) + line.credit - line.debit;
    }
    if (!payout) {
      this.unmatched.entriesWithoutPayout.push({ entryId: entry.id, payoutId: entry.payoutId, amount: entry.amount, currency: entry.currency });
    } else if (payout.amount !== entry.amount || payout.currency !== entry.currency) {
      this.unmatched.amountMismatches.push({ payoutId: entry.payoutId, entryAmount: entry.amount, payoutAmount: payout.amount });
    }
  }

  result(): Reconciliation {
    const journal = this.journal.result();
    const paidOutPerJournal = { ...this.paidOutPerJournal };
    const { byCurrency } = this.payouts;
    const unmatched = structuredClone(this.unmatched);
    const currencies = new Set([...Object.keys(paidOutPerJournal), ...Object.keys(byCurrency)]);
    const totalsMatch = [...currencies].every((c) => (paidOutPerJournal[c] ?? 0) === (byCurrency[c] ?? 0));
    return {
      journal,
      payouts: structuredClone(this.payouts),
      paidOutPerJournal,
      balanced: journal.balanced,
      matchesPayouts:
        totalsMatch && unmatched.payoutsWithoutEntry.length === 0 && unmatched.entriesWithoutPayout.length === 0 && unmatched.amountMismatches.length === 0,
      unmatched,
    };
  }
}

/** Checks the journal balances and matches, payout by payout, the payouts the provider confirmed in the same period. */
export function reconcile(entries: JournalEntry[], payouts: ConfirmedPayout[]): Reconciliation {
  const bookedPayouts = new Set(entries.map((e) => e.payoutId));
  const payoutById = new Map(payouts.map((p) => [p.payoutId, p]));
  const tally = new ReconciliationTally();
  for (const payout of payouts) tally.addPayout(payout, bookedPayouts.has(payout.payoutId));
  for (const entry of entries) tally.addEntry(entry, payoutById.get(entry.payoutId));
  return tally.result();
}
