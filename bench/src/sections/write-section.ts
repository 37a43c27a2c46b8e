import { formatPercent, formatRate, formatRatio } from '../support/summary-table';
import type { PairedRates, WriteScenarioOptions } from '../scenarios/write-scenarios';
import { inTargetProcess } from '../target/child-scenario';
import { infoRow, verdict, type Section } from './section';

const TARGETS = { sequentialOfRaw: 0.7, concurrentOfRaw: 0.8 };

/** Figures 1–3: raw better-sqlite3 transactions vs commands through the CommandHandler, in one child process each. */
export const runWrites: Section = async ({ quick, log }) => {
  const options: Omit<WriteScenarioOptions, 'log'> = { rounds: quick ? 3 : 7, roundMs: quick ? 500 : 1500, warmupMs: quick ? 300 : 1000 };
  log(`  ${options.rounds} rounds × ${options.roundMs} ms per figure, alternating with the baseline; medians reported`);
  log('1/2. single-event transactions vs sequential commands');
  const sequential = (await inTargetProcess<PairedRates>('scenarios/write-scenarios', 'sequentialCommands', options)).result;
  log('1b/3. 64-event transactions vs 64 concurrent commands');
  const concurrent = (await inTargetProcess<PairedRates>('scenarios/write-scenarios', 'concurrentCommands', options)).result;
  log('1b/3b. 64-event transactions vs 64 concurrent commands, the store checkpointing on the event loop');
  const inline = (await inTargetProcess<PairedRates>('scenarios/write-scenarios', 'concurrentCommandsCheckpointingInline', options)).result;
  const chain = (await inTargetProcess<{ microsecondsPerEvent: number } | undefined>('scenarios/write-scenarios', 'chainLinkCost', {})).result;
  return {
    problems: [],
    rows: [
      infoRow(`1. Raw better-sqlite3, 1 event (${sequential.rawDataBytes} B JSON) per durable tx`, formatRate(sequential.baselineMedian, 'tx/s'), '(baseline)'),
      infoRow('1b. Raw better-sqlite3, 64 events per durable tx', formatRate(concurrent.baselineMedian, 'events/s'), '(baseline)'),
      {
        figure: '2. Sequential AddNote commands (handler + store)',
        measured: formatRate(sequential.subjectMedian, 'cmd/s'),
        baseline: formatRate(sequential.baselineMedian, 'tx/s'),
        ratio: formatPercent(sequential.ratioMedian),
        target: `≥ ${formatPercent(TARGETS.sequentialOfRaw)} of raw`,
        vsTarget: formatRatio(sequential.ratioMedian / TARGETS.sequentialOfRaw),
        verdict: verdict(sequential.ratioMedian >= TARGETS.sequentialOfRaw),
      },
      infoRow(
        '2b. ... of which the hash chain (sha256 linking each event to the one before), per event',
        chain ? `${chain.microsecondsPerEvent.toFixed(1)} µs` : 'no chain',
      ),
      {
        figure: `3. 64 concurrent AddNote commands (${concurrent.appendsPerTransaction.toFixed(1)} appends/tx)`,
        measured: formatRate(concurrent.subjectMedian, 'events/s'),
        baseline: formatRate(concurrent.baselineMedian, 'events/s'),
        ratio: formatPercent(concurrent.ratioMedian),
        target: `≥ ${formatPercent(TARGETS.concurrentOfRaw)} of raw`,
        vsTarget: formatRatio(concurrent.ratioMedian / TARGETS.concurrentOfRaw),
        verdict: verdict(concurrent.ratioMedian >= TARGETS.concurrentOfRaw),
      },
      infoRow(
        '3b. As 3, WAL checkpointed on the event loop (as the raw baseline)',
        formatRate(inline.subjectMedian, 'events/s'),
        formatRate(inline.baselineMedian, 'events/s'),
        formatPercent(inline.ratioMedian),
      ),
      infoRow(
        '3c. ... CPU per event (all threads; medians), raw 64-event tx vs 3; 3\'s event loop busy per event',
        `${concurrent.baselineCpuMicros.toFixed(1)} / ${concurrent.subjectCpuMicros.toFixed(1)} µs`,
        `loop ${concurrent.subjectLoopBusyMicros.toFixed(1)} µs`,
      ),
      infoRow(
        "3d. ... of 3's CPU per event, on the event-loop thread (the command path) / on the others (writer, checkpointer, GC)",
        concurrent.subjectLoopThreadCpuMicros === undefined || concurrent.subjectOtherThreadsCpuMicros === undefined
          ? 'n/a (no /proc)'
          : `${concurrent.subjectLoopThreadCpuMicros.toFixed(1)} / ${concurrent.subjectOtherThreadsCpuMicros.toFixed(1)} µs`,
      ),
    ],
  };
};
