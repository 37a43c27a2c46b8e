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
  /** The dispute case whose remedy or ruling caused the movement, when one did. */
  dispute?: { disputeId: string; remedyId?: string; rulingId?: string };
  explanation: string;
};

export interface JournalLine {
  account: string;
  debit: number;
  credit: number;
}

export type JournalEntry = MoneyMovement & { id: string; lines: JournalLine[] };

/**
 * A time as the ledger stores it: ISO 8601 in UTC with milliseconds (what `toISOString` writes). Written alike, times
 * sort as strings in time order, which the entry ids and the read model's period ranges rely on. Events already carry
 * times in this form; one that does not (an offset, no milliseconds) is rewritten, one that is no time is kept as is.
 */
export function ledgerTime(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}

/** Sortable by time: the ledger lists entries in id order, which is posting order. */
export const journalEntryId = (postedAt: string, payoutId: string): string => `je_${ledgerTime(postedAt)}_${payoutId}`;

/** The lowest id an entry posted at `at` or later can have: entries posted in [from, to) have ids in [floor(from), floor(to)). */
export const journalEntryIdFloor = (at: string): string => `je_${ledgerTime(at)}`;

export function journalEntryFor(movement: MoneyMovement): JournalEntry {
  const funding = movement.kind === 'refund' ? shopEscrowAccount(movement.shopId) : shopDepositAccount(movement.shopId);
  return {
    id: journalEntryId(movement.postedAt, movement.payoutId),
    ...movement,
    postedAt: ledgerTime(movement.postedAt),
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

/** A trial balance added up one entry at a time, so a period of any length needs one page of entries in memory. */
export class TrialBalanceTally {
  private count = 0;
  private readonly byCurrency: TrialBalance['byCurrency'] = {};
  private readonly accounts = new Map<string, AccountBalance>();
  private readonly unbalancedEntries: string[] = [];

  add(entry: JournalEntry): void {
    this.count++;
    const totals = (this.byCurrency[entry.currency] ??= { debits: 0, credits: 0, balanced: true });
    for (const line of entry.lines) {
      totals.debits += line.debit;
      totals.credits += line.credit;
      const key = `${line.account}\u0000${entry.currency}`;
      const account = this.accounts.get(key) ?? { account: line.account, currency: entry.currency, debit: 0, credit: 0, balance: 0 };
      account.debit += line.debit;
      account.credit += line.credit;
      account.balance = account.debit - account.credit;
      this.accounts.set(key, account);
    }
    totals.balanced = totals.debits === totals.credits;
    if (!isBalanced(entry)) this.unbalancedEntries.push(entry.id);
  }

  result(): TrialBalance {
    const byCurrency = structuredClone(this.byCurrency);
    return {
      entries: this.count,
      byCurrency,
      byAccount: [...this.accounts.values()]
        .map((a) => ({ ...a }))
        .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.currency < b.currency ? -1 : 1)),
      unbalancedEntries: [...this.unbalancedEntries],
      balanced: this.unbalancedEntries.length === 0 && Object.values(byCurrency).every((t) => t.balanced),
    };
  }
}

/** Sums every line per currency and per account; the journal balances when debits = credits in every currency. */
export function trialBalance(entries: JournalEntry[]): TrialBalance {
  const tally = new TrialBalanceTally();
  for (const entry of entries) tally.add(entry);
  return tally.result();
}
