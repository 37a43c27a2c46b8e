/**
 * `pnpm bench:compensation`: payouts per second through the full path, and the time and peak memory to audit-replay
 * 100 000 compensation decisions. Separate from run-all.ts (owned elsewhere); exits 1 when a payout or a decision goes missing.
 */
import { AUDIT_HEAP_LIMIT_MB, auditReplay, payoutServiceThroughput, payoutThroughput } from './scenarios/compensation-scenarios';
import { formatMegabytes, formatRate, renderTable, type SummaryRow } from './support/summary-table';

const quick = process.env.BENCH_QUICK === '1';
const AUDIT_TARGETS = { verifyMs: 3000, peakRssBytes: 256 * 2 ** 20 };

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  log('payout service alone (SQLite log + fake provider)…');
  const alone = await payoutServiceThroughput({ payouts: quick ? 500 : 2000, concurrency: 32 });
  log('payouts through the full path (embedded runtime, HTTP → bus → provider → bus → ledger)…');
  const sequential = await payoutThroughput({ payouts: quick ? 200 : 1000, concurrency: 1, log });
  const concurrent = await payoutThroughput({ payouts: quick ? 400 : 2000, concurrency: 32, log });
  log('audit replay…');
  const audit = await auditReplay({ decisions: quick ? 10_000 : 100_000, log });
  const rows: SummaryRow[] = [
    {
      figure: `C0. Payout service alone, 32 in flight (${alone.payouts})`,
      measured: formatRate(alone.perSecond, 'payouts/s'),
      baseline: '',
      ratio: '',
      target: '',
      vsTarget: '',
      verdict: 'info',
    },
    {
      figure: `C1. Compensation payouts, 1 client (${sequential.payouts})`,
      measured: formatRate(sequential.perSecond, 'payouts/s'),
      baseline: '',
      ratio: '',
      target: '',
      vsTarget: '',
      verdict: sequential.reconciled ? 'info' : 'FAIL',
    },
    {
      figure: `C2. Compensation payouts, 32 clients (${concurrent.payouts})`,
      measured: formatRate(concurrent.perSecond, 'payouts/s'),
      baseline: '',
      ratio: '',
      target: '',
      vsTarget: '',
      verdict: concurrent.reconciled ? 'info' : 'FAIL',
    },
    {
      figure: `C3. Audit replay (verify) of ${audit.decisions} decisions, ${audit.eventsInLog} events`,
      measured: `${Math.round(audit.verifyMs)} ms`,
      baseline: formatRate((audit.decisions * 1000) / audit.verifyMs, 'decisions/s'),
      ratio: '',
      target: `< ${AUDIT_TARGETS.verifyMs} ms`,
      vsTarget: `${(audit.verifyMs / AUDIT_TARGETS.verifyMs).toFixed(2)}× limit`,
      verdict: audit.mismatches === 0 && audit.verifyMs < AUDIT_TARGETS.verifyMs ? 'PASS' : 'FAIL',
    },
    {
      figure: `C3b. Audit peak RSS, verify + what-if in a child process (heap capped at ${AUDIT_HEAP_LIMIT_MB} MB; baseline: RSS at start)`,
      measured: formatMegabytes(audit.peakRssBytes),
      baseline: formatMegabytes(audit.startRssBytes),
      ratio: '',
      target: `< ${formatMegabytes(AUDIT_TARGETS.peakRssBytes)}`,
      vsTarget: `${(audit.peakRssBytes / AUDIT_TARGETS.peakRssBytes).toFixed(2)}× limit`,
      verdict: audit.peakRssBytes < AUDIT_TARGETS.peakRssBytes ? 'PASS' : 'FAIL',
    },
    {
      figure: `C4. What-if replay with draft 2027-01-v2 (Δ ${audit.whatIfDelta} fen)`,
      measured: `${Math.round(audit.whatIfMs)} ms`,
      baseline: '',
      ratio: '',
      target: '',
      vsTarget: '',
      verdict: 'info',
    },
  ];
  log(renderTable(rows));
  if (rows.some((r) => r.verdict === 'FAIL')) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
