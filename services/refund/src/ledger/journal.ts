import type { PayoutKind } from '@aftersales/contracts';

/**
 * The finance journal, double entry, from the platform's books. Accounts:
 * - `shop_escrow:<shopId>`   liability: buyers' payments held for the shop (sale proceeds). A refund gives the
 *                            buyer's money back out of it: debit.
 * - `shop_deposit:<shopId>`  liability: the shop's deposit (保证金). Compensation and return-shipping reimbursement are
 *                            the merchant's cost beyond the sale, funded from it: debit.
 * - `payment_provider`       asset: the platform's balance at the payment provider; every payout leaves it: credit.
 * One entry per money movement (per payoutId), two lines, debits = credits.
 */
export const PAYMENT_PROVIDER_ACCOUNT = 'payment_provider';
export const shopEscrowAccount = (shopId: string): string => `shop_escrow:${shopId}`;
export const shopDepositAccount = (shopId: string): string => `shop_deposit:${shopId}`;

/** A money movement as recorded by its event, with everything that caused it. */
export type MoneyMovement = {
  kind: PayoutKind;
  payoutId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  amount: number;
  currency: string;
  refundId?: string;
  compensationId?: string;
  postedAt: string;
  /** The event that recorded the movement (RefundPaid, CompensationPaidOut, or PayoutSucceeded for return shipping). */
  source: { eventId: string; type: string };
  /** Every event behind it, oldest cause first: decision inputs, decision, approval, payout, the source event. */
  causedBy: string[];
  rule?: { id: string; version: string };
  explanation: string;
};

export interface JournalLine {
  account: string;
  debit: number;
  credit: number;
}

export type JournalEntry = MoneyMovement & { id: string; lines: JournalLine[] };

/** Sortable by time: the ledger lists entries in id order, which is posting order. */
export const journalEntryId = (postedAt: string, payoutId: string): string => `je_${postedAt}_${payoutId}`;

export function journalEntryFor(movement: MoneyMovement): JournalEntry {
  const funding = movement.kind === 'refund' ? shopEscrowAccount(movement.shopId) : shopDepositAccount(movement.shopId);
  return {
    id: journalEntryId(movement.postedAt, movement.payoutId),
    ...movement,
    causedBy: [...new Set(movement.causedBy)],
    lines: [
      { account: funding, debit: movement.amount, credit: 0 },
      { account: PAYMENT_PROVIDER_ACCOUNT, debit: 0, credit: movement.amount },
    ],
  };
}

export const isBalanced = (entry: Pick<JournalEntry, 'lines'>): boolean =>
  entry.lines.reduce((sum, l) => sum + l.debit, 0) === entry.lines.reduce((sum, l) => sum + l.credit, 0);

export interface AccountBalance {
  account: string;
  currency: string;
  debit: number;
  credit: number;
  /** debit − credit */
  balance: number;
}

export interface TrialBalance {
  entries: number;
  byCurrency: Record<string, { debits: number; credits: number; balanced: boolean }>;
  byAccount: AccountBalance[];
  unbalancedEntries: string[];
  balanced: boolean;
}

/** Sums every line per currency and per account; the journal balances when debits = credits in every currency. */
export function trialBalance(entries: JournalEntry[]): TrialBalance {
  const byCurrency: TrialBalance['byCurrency'] = {};
  const accounts = new Map<string, AccountBalance>();
  for (const entry of entries) {
    const totals = (byCurrency[entry.currency] ??= { debits: 0, credits: 0, balanced: true });
    for (const line of entry.lines) {
      totals.debits += line.debit;
      totals.credits += line.credit;
      const key = `${line.account}\u0000${entry.currency}`;
      const account = accounts.get(key) ?? { account: line.account, currency: entry.currency, debit: 0, credit: 0, balance: 0 };
      account.debit += line.debit;
      account.credit += line.credit;
      account.balance = account.debit - account.credit;
      accounts.set(key, account);
    }
  }
  for (const totals of Object.values(byCurrency)) totals.balanced = totals.debits === totals.credits;
  const unbalancedEntries = entries.filter((e) => !isBalanced(e)).map((e) => e.id);
  return {
    entries: entries.length,
    byCurrency,
    byAccount: [...accounts.values()].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.currency < b.currency ? -1 : 1)),
    unbalancedEntries,
    balanced: unbalancedEntries.length === 0 && Object.values(byCurrency).every((t) => t.balanced),
  };
}
