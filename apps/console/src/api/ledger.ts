import { useMutation, useQuery } from '@tanstack/react-query';
import type { LedgerQuery, Totals } from '../views/finance/finance-model';
import { api, apiFetch } from './client';

/** Finance's ledger: a page of journal entries (cursor paging), the CSV of every matching entry, the reconciliation. */

export interface JournalEntry {
  id: string;
  postedAt: string;
  kind: string;
  payoutId?: string;
  orderId?: string;
  shopId?: string;
  amount: number;
  currency: string;
  lines: { account: string; debit: number; credit: number }[];
  causedBy: string[];
  explanation: string;
  rule?: { id: string; version: string };
  dispute?: { disputeId: string; remedyId?: string; rulingId?: string };
}

export interface EntriesPage {
  count: number;
  pageTotals: Totals;
  entries: JournalEntry[];
  nextCursor?: string;
}

export const LEDGER_PAGE = 50;

export const useLedgerPage = (query: LedgerQuery, cursor: string | undefined) =>
  useQuery({
    queryKey: ['ledger', 'entries', query, cursor ?? ''],
    queryFn: () => api<EntriesPage>('/ledger/entries', { query: { ...query, limit: LEDGER_PAGE, cursor } }),
    placeholderData: (previous) => previous,
  });

export interface Reconciliation {
  journal: Totals;
  payouts: { count: number; byCurrency: Record<string, number>; byKind: Record<string, { count: number; amount: number }> };
  paidOutPerJournal: Record<string, number>;
  balanced: boolean;
  matchesPayouts: boolean;
  unmatched: {
    payoutsWithoutEntry: { payoutId: string; amount: number; currency: string }[];
    entriesWithoutPayout: { entryId: string; payoutId: string; amount: number; currency: string }[];
    amountMismatches: { payoutId: string; entryAmount: number; payoutAmount: number }[];
  };
}

/** Run on request (a period's report reads every entry of it), not on every keystroke. */
export const useReconciliation = () =>
  useMutation({ mutationFn: (query: Pick<LedgerQuery, 'from' | 'to'>) => api<Reconciliation>('/ledger/reconciliation', { query }) });

/** The CSV of every matching entry, fetched with the session's token and handed to the browser as a file. */
export const useLedgerCsv = () =>
  useMutation({
    mutationFn: async ({ query, fileName }: { query: LedgerQuery; fileName: string }) => {
      const answer = await apiFetch('/ledger/entries', { query: { ...query, format: 'csv' }, accept: 'text/csv' });
      const url = URL.createObjectURL(await answer.blob());
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return fileName;
    },
  });
