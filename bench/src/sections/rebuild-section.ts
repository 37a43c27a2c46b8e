import { rebuildOrders, REBUILD_HEAP_LIMIT_MB, type RebuildResults } from '../scenarios/rebuild-scenario';
import { formatMegabytes, formatPercent, formatRate, formatRatio, type SummaryRow } from '../support/summary-table';
import { median } from '../support/statistics';
import { infoRow, verdict, type Section } from './section';

const PEAK_RSS_LIMIT = 256 * 2 ** 20;

function rows(label: string, rebuild: RebuildResults, ofScan: number): SummaryRow[] {
  const ratio = rebuild.rebuildMedian / rebuild.scanMedian;
  return [
    {
      figure: `${label}. Rebuild 'orders' from ${rebuild.events.toLocaleString('en-US')} events (${rebuild.orders.toLocaleString('en-US')} orders)`,
      measured: formatRate(rebuild.rebuildMedian, 'events/s'),
      baseline: formatRate(rebuild.scanMedian, 'events/s'),
      ratio: formatPercent(ratio),
      target: `≥ ${formatPercent(ofScan)} of raw scan`,
      vsTarget: formatRatio(ratio / ofScan),
      verdict: verdict(ratio >= ofScan && rebuild.problems.length === 0),
    },
    {
      figure: `${label}b. ... peak RSS (heap capped at ${REBUILD_HEAP_LIMIT_MB} MB; baseline: RSS at start)`,
      measured: formatMegabytes(rebuild.peakRssBytes),
      baseline: formatMegabytes(rebuild.startRssBytes),
      ratio: '',
      target: `< ${formatMegabytes(PEAK_RSS_LIMIT)}`,
      vsTarget: `${(rebuild.peakRssBytes / PEAK_RSS_LIMIT).toFixed(2)}× limit`,
      verdict: verdict(rebuild.peakRssBytes < PEAK_RSS_LIMIT),
    },
    infoRow(`${label}c. ... peak heap used (sampled per batch)`, formatMegabytes(rebuild.peakHeapUsedBytes)),
    infoRow(
      `${label}d. ... CPU time (user + system) per event, median (other work on the machine moves it less than wall time)`,
      `${microseconds(rebuild.rebuildCpuMs, rebuild.events)} µs`,
      `${microseconds(rebuild.scanCpuMs, rebuild.events)} µs`,
      formatPercent(median(rebuild.scanCpuMs) / median(rebuild.rebuildCpuMs)),
    ),
  ];
}

const microseconds = (cpuMs: number[], events: number): string => (cpuMs.length > 0 ? ((median(cpuMs) * 1000) / events).toFixed(2) : 'n/a');

/** The 1 000 000-event rebuild into the store the platform runs (write-behind, writes on a worker thread). */
function platformRow(rebuild: RebuildResults): SummaryRow[] {
  const platform = rebuild.platform;
  if (!platform) return [];
  return [
    infoRow(
      `10e. ... into the platform's read-model store (write-behind over a writer thread): rate, CPU per event, peak RSS`,
      `${formatRate(platform.rate, 'events/s')}, ${((platform.cpuMs * 1000) / rebuild.events).toFixed(2)} µs, ${formatMegabytes(platform.peakRssBytes)}`,
    ),
  ];
}

/** Figures 9 and 10: rebuild of `orders` vs a raw scan + parse of the same log, at 100 000 and 1 000 000 events. */
export const runRebuild: Section = async ({ quick, log }) => {
  log('  100 000 events');
  const small = await rebuildOrders({ events: 100_000, rounds: quick ? 1 : 3, passes: 2, log });
  const result = { rows: rows('9', small, 0.6), problems: [...small.problems] };
  if (quick) {
    log('  1 000 000 events: skipped in QUICK mode');
    return result;
  }
  log('  1 000 000 events (one timed rebuild pass, no warm-up)');
  const large = await rebuildOrders({ events: 1_000_000, rounds: 1, passes: 1, warmup: false, platformPass: true, log });
  return { rows: [...result.rows, ...rows('10', large, 0.5), ...platformRow(large)], problems: [...result.problems, ...large.problems] };
};
