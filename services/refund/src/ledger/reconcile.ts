import type { PayoutKind } from '@aftersales/contracts';
import { PAYMENT_PROVIDER_ACCOUNT, trialBalance, type JournalEntry, type TrialBalance } from './journal';

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

/** Checks the journal balances and matches, payout by payout, the payouts the provider confirmed in the same period. */
export function reconcile(entries: JournalEntry[], payouts: ConfirmedPayout[]): Reconciliation {
  const journal = trialBalance(entries);
  const entryByPayout = new Map(entries.map((e) => [e.payoutId, e]));
  const payoutById = new Map(payouts.map((p) => [p.payoutId, p]));
  const paidOutPerJournal: Record<string, number> = {};
  for (const entry of entries) {
    for (const line of entry.lines) {
      if (line.account === PAYMENT_PROVIDER_ACCOUNT) paidOutPerJournal[entry.currency] = (paidOutPerJournal[entry.currency] ?? 0) + line.credit - line.debit;
    }
  }
  const byCurrency: Record<string, number> = {};
  const byKind: Record<string, { count: number; amount: number }> = {};
  for (const payout of payouts) {
    byCurrency[payout.currency] = (byCurrency[payout.currency] ?? 0) + payout.amount;
    const kind = (byKind[payout.kind] ??= { count: 0, amount: 0 });
    kind.count++;
    kind.amount += payout.amount;
  }
  const unmatched: Reconciliation['unmatched'] = {
    payoutsWithoutEntry: payouts.filter((p) => !entryByPayout.has(p.payoutId)),
    entriesWithoutPayout: entries
      .filter((e) => !payoutById.has(e.payoutId))
      .map((e) => ({ entryId: e.id, payoutId: e.payoutId, amount: e.amount, currency: e.currency })),
    amountMismatches: entries
      .filter((e) => payoutById.has(e.payoutId) && (payoutById.get(e.payoutId)!.amount !== e.amount || payoutById.get(e.payoutId)!.currency !== e.currency))
      .map((e) => ({ payoutId: e.payoutId, entryAmount: e.amount, payoutAmount: payoutById.get(e.payoutId)!.amount })),
  };
  const currencies = new Set([...Object.keys(paidOutPerJournal), ...Object.keys(byCurrency)]);
  const totalsMatch = [...currencies].every((c) => (paidOutPerJournal[c] ?? 0) === (byCurrency[c] ?? 0));
  return {
    journal,
    payouts: { count: payouts.length, byCurrency, byKind },
    paidOutPerJournal,
    balanced: journal.balanced,
    matchesPayouts:
      totalsMatch && unmatched.payoutsWithoutEntry.length === 0 && unmatched.entriesWithoutPayout.length === 0 && unmatched.amountMismatches.length === 0,
    unmatched,
  };
}
