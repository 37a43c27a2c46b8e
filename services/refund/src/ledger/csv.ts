import type { JournalEntry } from './journal';

export const LEDGER_CSV_COLUMNS = [
  'entryId',
  'postedAt',
  'kind',
  'orderId',
  'shopId',
  'buyerId',
  'account',
  'debit',
  'credit',
  'currency',
  'payoutId',
  'refundId',
  'compensationId',
  'ruleId',
  'rulebookVersion',
  'sourceEventType',
  'sourceEventId',
  'causedBy',
  'explanation',
] as const;

/** RFC 4180: quote a field that holds a comma, quote or line break; double the quotes. */
const field = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per journal line, so a spreadsheet's column sums are the trial balance. */
export function ledgerCsv(entries: JournalEntry[]): string {
  const rows = entries.flatMap((e) =>
    e.lines.map((line) =>
      [
        e.id,
        e.postedAt,
        e.kind,
        e.orderId,
        e.shopId,
        e.buyerId,
        line.account,
        line.debit,
        line.credit,
        e.currency,
        e.payoutId,
        e.refundId,
        e.compensationId,
        e.rule?.id,
        e.rule?.version,
        e.source.type,
        e.source.eventId,
        e.causedBy.join(' '),
        e.explanation,
      ]
        .map(field)
        .join(','),
    ),
  );
  return [LEDGER_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
