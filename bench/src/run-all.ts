/**
 * `pnpm bench`: every figure measured in one run on this machine, beside its baseline and its target.
 * Exits 1 when a target is missed (and says which).
 */
import { cpus } from 'node:os';
import { rebuildOrders, REBUILD_HEAP_LIMIT_MB, type RebuildResults } from './scenarios/rebuild-scenario';
import { concurrentCommands, sequentialCommands, type PairedRates } from './scenarios/write-scenarios';
import { formatMegabytes, formatPercent, formatRate, formatRatio, renderTable, type SummaryRow } from './support/summary-table';

const TARGETS = {
  sequentialOfRaw: 0.7,
  concurrentEventsPerSecond: 20_000,
  /** Rebuild rate as a share of the raw scan, per log size. */
  rebuildOfScan: { 100_000: 0.6, 1_000_000: 0.5 } as Record<number, number>,
  rebuildPeakBytes: REBUILD_HEAP_LIMIT_MB * 2 ** 20,
};

const quick = process.env.BENCH_QUICK === '1';
const writeOptions = { rounds: quick ? 3 : 7, roundMs: quick ? 500 : 1500, warmupMs: quick ? 300 : 1000, log: console.log };
const rebuildRuns = [
  { events: 100_000, rounds: quick ? 1 : 3, passes: 2, log: console.log },
  // a million events: fewer rounds and passes (each pass takes tens of seconds), seeded with raw inserts
  ...(quick ? [] : [{ events: 1_000_000, rounds: 2, passes: 1, log: console.log }]),
];

const pass = (ok: boolean): 'PASS' | 'FAIL' => (ok ? 'PASS' : 'FAIL');

function writeRows(sequential: PairedRates, concurrent: PairedRates): SummaryRow[] {
  return [
    {
      figure: `1. Raw better-sqlite3, 1 event (${sequential.rawDataBytes} B JSON) per durable tx`,
      measured: formatRate(sequential.baselineMedian, 'tx/s'),
      baseline: '(baseline)',
      ratio: '',
      target: '',
      vsTarget: '',
      verdict: 'info',
    },
    {
      figure: '1b. Raw better-sqlite3, 64 events per durable tx',
      measured: formatRate(concurrent.baselineMedian, 'events/s'),
      baseline: '(reference)',
      ratio: '',
      target: '',
      vsTarget: '',
      verdict: 'info',
    },
    {
      figure: '2. Sequential AddNote commands (handler + store)',
      measured: formatRate(sequential.subjectMedian, 'cmd/s'),
      baseline: formatRate(sequential.baselineMedian, 'tx/s'),
      ratio: formatPercent(sequential.ratioMedian),
      target: `≥ ${formatPercent(TARGETS.sequentialOfRaw)} of raw`,
      vsTarget: formatRatio(sequential.ratioMedian / TARGETS.sequentialOfRaw),
      verdict: pass(sequential.ratioMedian >= TARGETS.sequentialOfRaw),
    },
    {
      figure: `3. 64 concurrent AddNote commands (${concurrent.appendsPerTransaction.toFixed(1)} appends/tx)`,
      measured: formatRate(concurrent.subjectMedian, 'events/s'),
      baseline: formatRate(concurrent.baselineMedian, 'events/s'),
      ratio: formatPercent(concurrent.ratioMedian),
      target: `≥ ${formatRate(TARGETS.concurrentEventsPerSecond, 'events/s')}`,
      vsTarget: formatRatio(concurrent.subjectMedian / TARGETS.concurrentEventsPerSecond),
      verdict: pass(concurrent.subjectMedian >= TARGETS.concurrentEventsPerSecond),
    },
  ];
}

function rebuildRows(rebuild: RebuildResults): SummaryRow[] {
  const ratio = rebuild.rebuildMedian / rebuild.scanMedian;
  const target = TARGETS.rebuildOfScan[rebuild.events] ?? 0.5;
  const size = rebuild.events >= 1_000_000 ? `${rebuild.events / 1_000_000}M` : `${rebuild.events / 1000}k`;
  return [
    {
      figure: `4. Rebuild 'orders' from ${rebuild.events.toLocaleString('en-US')} events (${rebuild.orders.toLocaleString('en-US')} orders)`,
      measured: formatRate(rebuild.rebuildMedian, 'events/s'),
      baseline: formatRate(rebuild.scanMedian, 'events/s'),
      ratio: formatPercent(ratio),
      target: `≥ ${formatPercent(target)} of raw scan`,
      vsTarget: formatRatio(ratio / target),
      verdict: pass(ratio >= target && rebuild.problems.length === 0),
    },
    {
      figure: `4b. Rebuild ${size} peak RSS (heap capped at ${REBUILD_HEAP_LIMIT_MB} MB; baseline: RSS at start)`,
      measured: formatMegabytes(rebuild.peakRssBytes),
      baseline: formatMegabytes(rebuild.startRssBytes),
      ratio: '',
      target: `< ${formatMegabytes(TARGETS.rebuildPeakBytes)}`,
      vsTarget: `${(rebuild.peakRssBytes / TARGETS.rebuildPeakBytes).toFixed(2)}× limit`,
      verdict: pass(rebuild.peakRssBytes < TARGETS.rebuildPeakBytes),
    },
    {
      figure: `4c. Rebuild ${size} peak heap used (sampled per batch)`,
      measured: formatMegabytes(rebuild.peakHeapUsedBytes),
      baseline: '',
      ratio: '',
      target: '',
      vsTarget: '',
      verdict: 'info',
    },
  ];
}

const failedRow = (figure: string): SummaryRow => ({
  figure,
  measured: 'error',
  baseline: '',
  ratio: '',
  target: '',
  vsTarget: '',
  verdict: 'FAIL',
});

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`aftersales bench — node ${process.version}, ${cpus().length} CPU(s)${quick ? ', QUICK mode' : ''}`);
  console.log(
    `write rounds: ${writeOptions.rounds} × ${writeOptions.roundMs} ms per figure, alternating with the baseline; medians reported\n`,
  );
  const rows: SummaryRow[] = [];
  const errors: string[] = [];
  try {
    console.log('1/2. single-event transactions vs sequential commands');
    const sequential = await sequentialCommands(writeOptions);
    console.log('1b/3. 64-event transactions vs 64 concurrent commands');
    const concurrent = await concurrentCommands(writeOptions);
    rows.push(...writeRows(sequential, concurrent));
  } catch (error) {
    errors.push(`write scenarios failed: ${String(error)}`);
    rows.push(failedRow('1-3. write scenarios'));
  }
  const problems: string[] = [];
  try {
    console.log('4. rebuild vs raw scan (each in a child process)');
    for (const options of rebuildRuns) {
      const rebuild = await rebuildOrders(options);
      problems.push(...rebuild.problems);
      rows.push(...rebuildRows(rebuild));
    }
  } catch (error) {
    errors.push(`rebuild scenario failed: ${error instanceof Error ? error.message : String(error)}`);
    rows.push(failedRow('4. rebuild'));
  }
  console.log(`\nSummary (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  console.log(renderTable(rows));
  for (const problem of [...errors, ...problems]) console.log(`ERROR: ${problem}`);
  const missed = rows.filter((r) => r.verdict === 'FAIL');
  for (const row of missed) console.log(`TARGET MISSED: ${row.figure} — measured ${row.measured}, target ${row.target || 'not reached'}`);
  if (missed.length === 0) console.log('\nAll targets met.');
  process.exitCode = missed.length > 0 ? 1 : 0;
}

void main();
