/**
 * `pnpm bench:ledger`: how long finance waits to page through 20 000 ledger entries, to export them as one CSV file and
 * to reconcile them, through HTTP. Exits 1 when a page misses or repeats an entry or the export is incomplete.
 */
import { ledgerPaging } from './scenarios/ledger-pages';
import { formatMegabytes, formatRate, renderTable, type SummaryRow } from './support/summary-table';

const entries = Number(process.env.BENCH_LEDGER_ENTRIES ?? 20_000);

const info = (figure: string, measured: string, baseline: string, ok: boolean): SummaryRow => ({
  figure,
  measured,
  baseline,
  ratio: '',
  target: '',
  vsTarget: '',
  verdict: ok ? 'info' : 'FAIL',
});

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  log(`ledger reads of ${entries} entries (embedded runtime, SQLite read models, HTTP)…`);
  const t = await ledgerPaging({ entries, log });
  const rows: SummaryRow[] = [
    info(
      `L1. Page through all, limit=200 (${t.pagedBy200.pages} pages)`,
      `${Math.round(t.pagedBy200.ms)} ms`,
      formatRate((entries * 1000) / t.pagedBy200.ms, 'entries/s'),
      t.pagedBy200.complete,
    ),
    info(
      `L2. Page through all, limit=1000 (${t.pagedBy1000.pages} pages)`,
      `${Math.round(t.pagedBy1000.ms)} ms`,
      formatRate((entries * 1000) / t.pagedBy1000.ms, 'entries/s'),
      t.pagedBy1000.complete,
    ),
    info(
      `L3. CSV export of all (${t.csv.rows} rows, ${formatMegabytes(t.csv.bytes)})`,
      `${Math.round(t.csv.ms)} ms`,
      `peak heap +${formatMegabytes(t.csv.heapGrowthBytes)}`,
      t.csv.complete,
    ),
    info('L4. Reconciliation of the whole period', `${Math.round(t.reconciliation.ms)} ms`, '', t.reconciliation.matched),
  ];
  log(renderTable(rows));
  if (rows.some((r) => r.verdict === 'FAIL')) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
