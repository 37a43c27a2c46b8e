/**
 * `pnpm bench:work-queue` (or `BENCH_ONLY=workqueue pnpm bench`): issue 12's figures. The time to rebuild the work queue from 100 000
 * events of refunds, compensations and cases, on the SQLite adapters, with the kernel's ProjectionRunner (what
 * `/admin/projections/work-queue/rebuild` runs in embedded mode). Seeding is not timed; each pass rebuilds from
 * position 0 into the same read-model file; the queue it leaves is checked against what the generator left open.
 *
 * Loads BENCH_TARGET's packages (default: this checkout).
 */
import '../target/target-resolution';
import { ProjectionRunner, SystemClock } from '@aftersales/kernel';
import { SqliteEventStore, SqliteReadModelStore } from '@aftersales/sqlite';
import { workQueueProjection } from '@aftersales/timeline';
import { caseIntake } from '../http/cases';
import { median, perSecond } from '../support/statistics';
import { createTempFolder } from '../support/temp-folder';
import { generateWorkQueueHistory, seedWorkQueueLog } from '../workload/work-queue-history';

export interface WorkQueueRebuildResults {
  events: number;
  openItems: number;
  passesMs: number[];
  medianMs: number;
  eventsPerSecond: number;
  problems: string[];
}

async function countQueue(readModels: SqliteReadModelStore): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await readModels.find('work_queue', { limit: 500, cursor });
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

export async function rebuildWorkQueue({ events = 100_000, passes = 3, log = console.log }: { events?: number; passes?: number; log?: (line: string) => void } = {}): Promise<WorkQueueRebuildResults> {
  const folder = createTempFolder('work-queue');
  try {
    const history = generateWorkQueueHistory(events);
    const store = new SqliteEventStore({ path: folder.file('events.db'), clock: new SystemClock() });
    const seeding = performance.now();
    await seedWorkQueueLog(store, history);
    log(`  seeded ${history.events} events of ${history.subjects.length} refunds, compensations and cases in ${((performance.now() - seeding) / 1000).toFixed(1)} s (not timed)`);
    const readModels = new SqliteReadModelStore({ path: folder.file('read-models.db') });
    const runner = new ProjectionRunner(store, readModels, workQueueProjection);
    const passesMs: number[] = [];
    const problems: string[] = [];
    for (let pass = 0; pass < passes; pass++) {
      const started = performance.now();
      const report = await runner.rebuild();
      passesMs.push(performance.now() - started);
      if (report.events !== history.events) problems.push(`a rebuild pass saw ${report.events} events, the log holds ${history.events}`);
      log(`  pass ${pass + 1}: ${passesMs.at(-1)!.toFixed(0)} ms`);
    }
    const listed = await countQueue(readModels);
    if (listed !== history.openItems) problems.push(`the rebuilt queue holds ${listed} items, the generator left ${history.openItems} open`);
    await readModels.close();
    await store.close();
    const medianMs = median(passesMs);
    return { events: history.events, openItems: history.openItems, passesMs, medianMs, eventsPerSecond: perSecond(history.events, medianMs), problems };
  } finally {
    folder.dispose();
  }
}

async function main(): Promise<void> {
  console.log('work queue rebuild (SQLite adapters, ProjectionRunner.rebuild)');
  const result = await rebuildWorkQueue({ events: Number(process.env.BENCH_WORK_QUEUE_EVENTS ?? 100_000) });
  console.log(
    `Rebuild the work queue from ${result.events.toLocaleString('en-US')} events (${result.openItems.toLocaleString('en-US')} open items): ` +
      `median ${result.medianMs.toFixed(0)} ms of ${result.passesMs.length} passes (${result.eventsPerSecond.toFixed(0)} events/s)`,
  );
  const problems = [...result.problems];
  console.log('cases opened per second through HTTP (POST /disputes, platform in a child process, embedded mode)');
  const intake = await caseIntake({ cases: Number(process.env.BENCH_CASES ?? 1000), concurrency: 16, rounds: 3, log: console.log });
  if (intake) {
    console.log(
      `Cases opened through HTTP: ${intake.perSecond.toFixed(0)}/s answered, ${intake.settledPerSecond.toFixed(0)}/s with every consequence processed ` +
        `(median of ${intake.rounds} rounds of ${intake.cases}, ${intake.concurrency} clients)`,
    );
    if (intake.queued !== intake.cases * intake.rounds) problems.push(`the work queue lists ${intake.queued} cases, ${intake.cases * intake.rounds} were opened`);
  }
  for (const problem of problems) console.log(`ERROR: ${problem}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
