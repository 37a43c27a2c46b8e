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
  'disputeId',
  'disputeRemedyId',
  'disputeRulingId',
] as const;

/** RFC 4180: quote a field that holds a comma, quote or line break; double the quotes. */
const field = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const CRLF = '\r\n';

/** The header line of the export, CRLF included. */
export const ledgerCsvHeader = (): string => LEDGER_CSV_COLUMNS.join(',') + CRLF;

/** One row per journal line, so a spreadsheet's column sums are the trial balance; each row ends in CRLF. */
export function ledgerCsvRows(entries: JournalEntry[]): string {
  return entries
    .flatMap((e) =>
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
          e.dispute?.disputeId,
          e.dispute?.remedyId,
          e.dispute?.rulingId,
        ]
          .map(field)
          .join(','),
      ),
    )
    .map((row) => row + CRLF)
    .join('');
}

export function ledgerCsv(entries: JournalEntry[]): string {
  return ledgerCsvHeader() + ledgerCsvRows(entries);
}

/** The export as text chunks, the header first, then one chunk per page of entries: never the whole file at once. */
export async function* ledgerCsvChunks(pages: AsyncIterable<JournalEntry[]>): AsyncGenerator<string> {
  yield ledgerCsvHeader();
  for await (const entries of pages) yield ledgerCsvRows(entries);
}
