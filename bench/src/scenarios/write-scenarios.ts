import { readFileSync } from 'node:fs';
import { createTempFolder } from '../support/temp-folder';
import { median, perSecond } from '../support/statistics';
import { repeatConcurrentlyFor, repeatFor, type Sample } from '../support/timed';
import { CommandRig } from './command-rig';
import { RawEventTable } from './raw-event-table';
import { SeededRandom } from '../workload/seeded-random';
import type { SqliteEventStoreOptions } from '@aftersales/sqlite';

export interface WriteScenarioOptions {
  rounds: number;
  roundMs: number;
  warmupMs: number;
  log: (line: string) => void;
}

/** Medians over rounds, the per-round values, and what the store's counters say about group commit. */
export interface PairedRates {
  baseline: number[];
  subject: number[];
  baselineMedian: number;
  subjectMedian: number;
  /** Median of the per-round subject/baseline ratios (each pair measured back to back). */
  ratioMedian: number;
  appendsPerTransaction: number;
  rawDataBytes: number;
  /** Medians of CPU time per counted operation (process.cpuUsage: every thread of the process), in µs. */
  baselineCpuMicros: number;
  subjectCpuMicros: number;
  /** Median time per counted operation the subject's event loop was busy (not waiting for I/O or its writer thread), µs. */
  subjectLoopBusyMicros: number;
  /**
   * Median CPU time per counted operation of the subject's event-loop thread alone (the command path), µs; the rest of
   * subjectCpuMicros is the other threads (the store's writer and checkpointer, the garbage collector's helpers).
   * Undefined where /proc does not say (not Linux).
   */
  subjectLoopThreadCpuMicros?: number;
  /** Median per round of subjectCpu minus the loop thread's: the other threads' CPU per operation, µs. */
  subjectOtherThreadsCpuMicros?: number;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU time (user + system, µs) the calling thread has used, from /proc; undefined where /proc does not say. */
function threadCpuMicros(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** A sample with the process's CPU time and the event loop's busy time it took. */
async function measured(
  run: () => Sample | Promise<Sample>,
): Promise<Sample & { cpuMicros: number; loopBusyMicros: number; loopThreadCpuMicros: number | undefined }> {
  const cpuBefore = process.cpuUsage();
  const loopThreadBefore = threadCpuMicros();
  const loopBefore = performance.eventLoopUtilization();
  const sample = await run();
  const cpu = process.cpuUsage(cpuBefore);
  const loopThreadAfter = threadCpuMicros();
  const loopBusyMs = performance.eventLoopUtilization(loopBefore).active;
  const per = Math.max(1, sample.count);
  const loopThreadCpuMicros = loopThreadBefore === undefined || loopThreadAfter === undefined ? undefined : (loopThreadAfter - loopThreadBefore) / per;
  return { ...sample, cpuMicros: (cpu.user + cpu.system) / per, loopBusyMicros: (loopBusyMs * 1000) / per, loopThreadCpuMicros };
}

/** Placed before measuring; within the CommandHandler's state cache (10 000), and each order collects a realistic few notes. */
const ORDERS = 8192;
const IN_FLIGHT = 64;

/**
 * Measures a raw baseline and the command path in alternating rounds on the same disk, so a slow patch of
 * fsyncs hits both; the order within a round flips every round.
 */
async function paired(
  name: string,
  options: WriteScenarioOptions,
  baseline: (raw: RawEventTable, ms: number) => Sample,
  subject: (rig: CommandRig, ms: number) => Promise<Sample>,
  storeOptions: Partial<SqliteEventStoreOptions> = {},
): Promise<PairedRates> {
  const folder = createTempFolder(name);
  const raw = new RawEventTable(folder.file('raw.db'));
  const rig = new CommandRig(folder.file('events.db'), storeOptions);
  try {
    await rig.placeOrders(ORDERS);
    baseline(raw, options.warmupMs);
    await subject(rig, options.warmupMs);
    const rates = { baseline: [] as number[], subject: [] as number[], ratios: [] as number[], baselineCpu: [] as number[], subjectCpu: [] as number[], subjectBusy: [] as number[], subjectLoopThread: [] as number[], subjectOthers: [] as number[] };
    const before = rig.store.stats();
    for (let round = 0; round < options.rounds; round++) {
      const measureBaseline = () => measured(() => baseline(raw, options.roundMs));
      const measureSubject = () => measured(() => subject(rig, options.roundMs));
      let b: Awaited<ReturnType<typeof measured>>;
      let s: Awaited<ReturnType<typeof measured>>;
      if (round % 2 === 0) {
        b = await measureBaseline();
        s = await measureSubject();
      } else {
        s = await measureSubject();
        b = await measureBaseline();
      }
      const [bRate, sRate] = [perSecond(b.count, b.ms), perSecond(s.count, s.ms)];
      rates.baseline.push(bRate);
      rates.subject.push(sRate);
      rates.ratios.push(sRate / bRate);
      rates.baselineCpu.push(b.cpuMicros);
      rates.subjectCpu.push(s.cpuMicros);
      rates.subjectBusy.push(s.loopBusyMicros);
      if (s.loopThreadCpuMicros !== undefined) {
        rates.subjectLoopThread.push(s.loopThreadCpuMicros);
        rates.subjectOthers.push(s.cpuMicros - s.loopThreadCpuMicros);
      }
      options.log(
        `  ${name} round ${round + 1}: baseline ${bRate.toFixed(0)}/s, subject ${sRate.toFixed(0)}/s, ratio ${(sRate / bRate).toFixed(2)}; ` +
          `CPU per op ${b.cpuMicros.toFixed(1)} / ${s.cpuMicros.toFixed(1)} µs (loop thread ${s.loopThreadCpuMicros?.toFixed(1) ?? 'n/a'}), ` +
          `subject's loop busy ${s.loopBusyMicros.toFixed(1)} µs`,
      );
    }
    const after = rig.store.stats();
    return {
      baseline: rates.baseline,
      subject: rates.subject,
      baselineMedian: median(rates.baseline),
      subjectMedian: median(rates.subject),
      ratioMedian: median(rates.ratios),
      appendsPerTransaction: (after.appends - before.appends) / Math.max(1, after.transactions - before.transactions),
      rawDataBytes: raw.dataBytes,
      baselineCpuMicros: median(rates.baselineCpu),
      subjectCpuMicros: median(rates.subjectCpu),
      subjectLoopBusyMicros: median(rates.subjectBusy),
      subjectLoopThreadCpuMicros: rates.subjectLoopThread.length === rates.subject.length ? median(rates.subjectLoopThread) : undefined,
      subjectOtherThreadsCpuMicros: rates.subjectOthers.length === rates.subject.length ? median(rates.subjectOthers) : undefined,
    };
  } finally {
    raw.close();
    await rig.close();
    folder.dispose();
  }
}

/** #1 raw single-row transactions/s vs #2 sequential AddNote commands/s through CommandHandler + SqliteEventStore. */
export function sequentialCommands(options: WriteScenarioOptions): Promise<PairedRates> {
  const random = new SeededRandom(3);
  return paired(
    'sequential',
    options,
    (raw, ms) => repeatFor(ms, () => raw.commit(1)),
    (rig, ms) => repeatConcurrentlyFor(ms, 1, () => rig.addNote(random.pick(rig.orderIds)).then(() => 1)),
  );
}

/**
 * #1b raw 64-row transactions (events/s) vs #3 64 AddNote commands always in flight (events/s). Each worker owns
 * its own orders (so commands never race for a stream) and picks among them at random, so a group commit
 * touches orders all over the log, as real traffic does.
 */
export function concurrentCommands(options: WriteScenarioOptions): Promise<PairedRates> {
  return concurrentCommandsOn({}, 'concurrent', options);
}

/**
 * #3b as #3, with the store checkpointing its WAL on the event loop every 1 000 pages (SQLite's default, as the raw
 * baseline does) instead of on its worker thread: shows what the background checkpointer is worth in the same run.
 */
export function concurrentCommandsCheckpointingInline(options: WriteScenarioOptions): Promise<PairedRates> {
  return concurrentCommandsOn({ backgroundCheckpointsAfter: false }, 'concurrent-inline-checkpoints', options);
}

function concurrentCommandsOn(storeOptions: Partial<SqliteEventStoreOptions>, name: string, options: WriteScenarioOptions): Promise<PairedRates> {
  const workers = Array.from({ length: IN_FLIGHT }, (_, worker) => new SeededRandom(100 + worker));
  return paired(
    name,
    options,
    (raw, ms) => repeatFor(ms, () => raw.commit(IN_FLIGHT)),
    (rig, ms) =>
      repeatConcurrentlyFor(ms, IN_FLIGHT, (worker) => {
        const perWorker = Math.floor(rig.orderIds.length / IN_FLIGHT);
        return rig.addNote(rig.orderIds[worker + IN_FLIGHT * workers[worker].int(0, perWorker - 1)]);
      }),
    storeOptions,
  );
}

/**
 * What chaining costs per event: the target's chainHash over a note event's stored fields, timed alone (sha256 of some
 * 500 bytes). Undefined for a checkout whose log is not chained.
 */
export async function chainLinkCost(): Promise<{ microsecondsPerEvent: number } | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a checkout without the chain has no such export
  const kernel = require('@aftersales/kernel') as { chainHash?: (previous: string, fields: readonly unknown[]) => string };
  if (!kernel.chainHash) return undefined;
  const data = JSON.stringify({ orderId: 'ord_0000000000001', noteNo: 7, text: 'customer asked to call before delivery', flag: 'red', agentId: 'agent-7', addedAt: '2026-11-02T08:00:00.000Z' });
  const fields = (position: number) => [position, `evt-${position}`, 'order-ord_0000000000001', 7, 'OrderNoteAdded', 1, data, '2026-11-02T08:00:00.000Z', 'corr-1', null, 'agent-7', 'agent', null, null, '2026-11-02T08:00:00.000Z'];
  const links = 200_000;
  let previous = '0'.repeat(64);
  const started = performance.now();
  for (let position = 1; position <= links; position++) previous = kernel.chainHash(previous, fields(position));
  return { microsecondsPerEvent: ((performance.now() - started) * 1000) / links };
}
