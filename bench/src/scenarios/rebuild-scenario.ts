import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { median, perSecond } from '../support/statistics';
import { createTempFolder } from '../support/temp-folder';
import type { SeededLog } from '../workload/seed-rebuild-log';
import type { WorkerReport } from './rebuild-worker';

const run = promisify(execFile);

export const REBUILD_HEAP_LIMIT_MB = 256;

export interface RebuildOptions {
  events: number;
  rounds: number;
  /** Timed passes per child process, after one warm-up pass (none when `warmup` is false). */
  passes: number;
  warmup?: boolean;
  /**
   * After the rounds, one more rebuild of the same log into the read-model store the platform runs (write-behind over
   * SQLite read models written on a worker thread) instead of a plain SqliteReadModelStore.
   */
  platformPass?: boolean;
  log: (line: string) => void;
}

export interface RebuildResults {
  events: number;
  orders: number;
  scanRates: number[];
  rebuildRates: number[];
  scanMedian: number;
  rebuildMedian: number;
  /** Highest kernel-reported RSS of any rebuild child (heap capped at REBUILD_HEAP_LIMIT_MB). */
  peakRssBytes: number;
  /** RSS of a rebuild child before it opened the stores (modules loaded, NestJS included). */
  startRssBytes: number;
  peakHeapUsedBytes: number;
  /** CPU time (user + system) of each timed pass, in ms: with other work on the machine, steadier than wall time. */
  scanCpuMs: number[];
  rebuildCpuMs: number[];
  /** The platformPass rebuild, when asked for. */
  platform?: { rate: number; cpuMs: number; peakRssBytes: number };
  /** Problems with the rebuilt read model (wrong document count, checkpoint not at the head). */
  problems: string[];
}

/** Runs rebuild-worker.js (BENCH_TARGET's packages) with a capped heap; parses its last stdout line. */
async function runWorker<T = WorkerReport>(
  mode: 'scan' | 'rebuild' | 'seed',
  eventsPath: string,
  readModelsPath: string,
  passes: number,
  store: 'bench' | 'platform' = 'bench',
): Promise<T> {
  const worker = join(__dirname, 'rebuild-worker.js');
  try {
    const { stdout } = await run(
      process.execPath,
      [...(mode === 'seed' ? [] : [`--max-old-space-size=${REBUILD_HEAP_LIMIT_MB}`]), worker, mode, eventsPath, readModelsPath, String(passes), store],
      { maxBuffer: 1 << 20 },
    );
    return JSON.parse(stdout.trim().split('\n').pop() as string) as T;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`the ${mode} child failed (heap capped at ${REBUILD_HEAP_LIMIT_MB} MB): ${stderr.slice(-2000) || String(error)}`);
  }
}

const timedRates = (report: WorkerReport, warmup: boolean): number[] => report.passes.slice(warmup ? 1 : 0).map((p) => perSecond(p.events, p.ms));

/** #4: rebuild of the `orders` read model from a realistic log vs a raw scan of the same table. */
export async function rebuildOrders(options: RebuildOptions): Promise<RebuildResults> {
  const folder = createTempFolder('rebuild');
  try {
    const eventsPath = folder.file('events.db');
    const generatedAt = performance.now();
    const history = await runWorker<SeededLog>('seed', eventsPath, '', options.events);
    const warmup = options.warmup ?? true;
    options.log(
      `  seeded ${history.events} events of ${history.orders} orders in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s (not timed)`,
    );
    const results: RebuildResults = {
      events: history.events,
      orders: history.orders,
      scanRates: [],
      rebuildRates: [],
      scanMedian: 0,
      rebuildMedian: 0,
      peakRssBytes: 0,
      startRssBytes: 0,
      peakHeapUsedBytes: 0,
      scanCpuMs: [],
      rebuildCpuMs: [],
      problems: [],
    };
    for (let round = 0; round < options.rounds; round++) {
      const modes = round % 2 === 0 ? (['scan', 'rebuild'] as const) : (['rebuild', 'scan'] as const);
      for (const mode of modes) {
        const report = await runWorker(mode, eventsPath, folder.file(`read-models-${round}.db`), options.passes + (warmup ? 1 : 0));
        const rates = timedRates(report, warmup);
        if (mode === 'scan') {
          results.scanRates.push(...rates);
        } else {
          results.rebuildRates.push(...rates);
          results.peakRssBytes = Math.max(results.peakRssBytes, report.peakRssBytes);
          results.startRssBytes = Math.max(results.startRssBytes, report.startRssBytes);
          results.peakHeapUsedBytes = Math.max(results.peakHeapUsedBytes, report.sampledHeapUsedBytes);
          results.problems.push(...checkRebuild(report, history));
        }
        const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
        const cpuMs = report.passes.slice(warmup ? 1 : 0).map((p) => p.cpuMs);
        (mode === 'scan' ? results.scanCpuMs : results.rebuildCpuMs).push(...cpuMs);
        const cpu = cpuMs.map((ms) => `${(ms / 1000).toFixed(2)} s`);
        options.log(
          `  rebuild round ${round + 1} ${mode}: ${rates.map((r) => r.toFixed(0)).join(', ')} events/s, ` +
            `CPU ${cpu.join(', ')} ` +
            `(RSS ${mb(report.startRssBytes)} at start, peak ${mb(report.peakRssBytes)})`,
        );
      }
    }
    results.scanMedian = median(results.scanRates);
    results.rebuildMedian = median(results.rebuildRates);
    if (options.platformPass) {
      const report = await runWorker('rebuild', eventsPath, folder.file('read-models-platform.db'), 1, 'platform');
      const [pass] = report.passes;
      results.platform = { rate: perSecond(pass.events, pass.ms), cpuMs: pass.cpuMs, peakRssBytes: report.peakRssBytes };
      results.problems.push(...checkRebuild(report, history).map((problem) => `platform store: ${problem}`));
      options.log(
        `  rebuild into the platform store: ${results.platform.rate.toFixed(0)} events/s, CPU ${(pass.cpuMs / 1000).toFixed(2)} s ` +
          `(peak RSS ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MB)`,
      );
    }
    return results;
  } finally {
    folder.dispose();
  }
}

function checkRebuild(report: WorkerReport, history: { events: number; orders: number }): string[] {
  const problems: string[] = [];
  for (const pass of report.passes) {
    if (pass.events !== history.events) problems.push(`a rebuild pass saw ${pass.events} events, the log holds ${history.events}`);
  }
  if (report.documents !== undefined && report.documents !== history.orders) problems.push(`the read model holds ${report.documents} orders, the log ${history.orders}`);
  if (report.checkpoint !== report.head) problems.push(`checkpoint ${report.checkpoint} is not at the head ${report.head}`);
  return problems;
}
