/**
 * Child process of the rebuild measurement (started with a capped heap). `scan`: the raw baseline, a
 * better-sqlite3 iterate() over the events table parsing each row's data. `rebuild`: the kernel
 * ProjectionRunner rebuilding the order service's `orders` read model into a SqliteReadModelStore.
 * `seed`: writes the log the others read (see seedRebuildLog). Prints one JSON line: the passes (the first is a
 * warm-up unless told otherwise) and memory high-water marks.
 *
 * Loads BENCH_TARGET's packages. Internal API used: SqliteEventStore({path, clock}) with headPosition()/close(),
 * SqliteReadModelStore({path}) with checkpoint(name)/close(), ProjectionRunner(store, readModels, ordersProjection)
 * .rebuild() → {events}, the `events` table's columns (EVENT_COLUMNS) and, if present, the `documents` table.
 */
import '../target/target-resolution';
import Database from 'better-sqlite3';
import { ProjectionRunner, SystemClock, WriteBehindReadModelStore, type ReadModelStore } from '@aftersales/kernel';
import { ordersProjection, ORDERS_COLLECTION } from '@aftersales/order';
import { SqliteEventStore, SqliteReadModelStore } from '@aftersales/sqlite';
import { MemoryHighWater, sampledEventStore, sampledReadModels } from '../support/memory-high-water';
import { seedRebuildLog } from '../workload/seed-rebuild-log';

const startRssBytes = process.memoryUsage().rss;

export interface WorkerPass {
  events: number;
  ms: number;
  /** CPU time (user + system, every thread of the process) the pass took: wall time depends on what else the machine runs. */
  cpuMs: number;
}

/** CPU time of this process so far, in ms. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export interface WorkerReport {
  mode: 'scan' | 'rebuild';
  /** passes[0] is the warm-up. */
  passes: WorkerPass[];
  /** RSS once the modules are loaded, before the stores open: what the process costs doing nothing. */
  startRssBytes: number;
  peakRssBytes: number;
  sampledHeapUsedBytes: number;
  /** Rebuild only: what the read model holds afterwards. */
  documents?: number;
  checkpoint?: number;
  head?: number;
}

function scan(eventsPath: string, passes: number): WorkerReport {
  const db = new Database(eventsPath);
  const highWater = new MemoryHighWater();
  const statement = db.prepare<[], { data: string }>(
    'SELECT position, event_id, stream_id, revision, type, schema_version, data, occurred_at, correlation_id, causation_id, ' +
      'actor_id, actor_role, traceparent, tracestate, recorded_at FROM events ORDER BY position',
  );
  const results: WorkerPass[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    const cpuAtStart = cpuMs();
    let events = 0;
    let checksum = 0;
    for (const row of statement.iterate()) {
      const data = JSON.parse(row.data) as { orderId: string };
      checksum += data.orderId.length;
      if (++events % 20_000 === 0) highWater.sample();
    }
    results.push({ events, ms: performance.now() - started, cpuMs: cpuMs() - cpuAtStart });
    if (checksum === 0) throw new Error('the scan parsed nothing');
  }
  db.close();
  return {
    mode: 'scan',
    passes: results,
    startRssBytes,
    peakRssBytes: MemoryHighWater.processPeakRss(),
    sampledHeapUsedBytes: highWater.heapUsed,
  };
}

/** `platform`: the read-model store the platform runs (process-adapters.ts), write-behind over a writer thread. */
function openReadModels(path: string, kind: string): ReadModelStore {
  if (kind !== 'platform') return new SqliteReadModelStore({ path });
  return new WriteBehindReadModelStore(new SqliteReadModelStore({ path }, { writerThread: true }));
}

async function rebuild(eventsPath: string, readModelsPath: string, passes: number, storeKind: string): Promise<WorkerReport> {
  const highWater = new MemoryHighWater();
  const store = new SqliteEventStore({ path: eventsPath, clock: new SystemClock() });
  const readModels = openReadModels(readModelsPath, storeKind);
  const runner = new ProjectionRunner(sampledEventStore(store, highWater), sampledReadModels(readModels, highWater), ordersProjection);
  const results: WorkerPass[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    const cpuAtStart = cpuMs();
    const report = await runner.rebuild();
    results.push({ events: report.events, ms: performance.now() - started, cpuMs: cpuMs() - cpuAtStart });
  }
  const checkpoint = await readModels.checkpoint(ordersProjection.name);
  const head = await store.headPosition();
  await readModels.close();
  await store.close();
  const db = new Database(readModelsPath);
  const hasDocuments = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get() !== undefined;
  // Counted only where the orders are documents of the `documents` table (a checkout may keep them elsewhere).
  const counted = hasDocuments
    ? db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM documents WHERE collection = ?').get(ORDERS_COLLECTION)?.n
    : undefined;
  const documents = counted === 0 ? undefined : counted;
  db.close();
  return {
    mode: 'rebuild',
    passes: results,
    startRssBytes,
    peakRssBytes: MemoryHighWater.processPeakRss(),
    sampledHeapUsedBytes: highWater.heapUsed,
    documents,
    checkpoint,
    head,
  };
}

async function main(): Promise<void> {
  const [mode, eventsPath, readModelsPath, passesArg, storeKind = 'bench'] = process.argv.slice(2);
  const passes = Number(passesArg ?? 2);
  if (mode === 'seed') {
    process.stdout.write(`${JSON.stringify(await seedRebuildLog(eventsPath, passes))}\n`);
    return;
  }
  const report = mode === 'scan' ? scan(eventsPath, passes) : await rebuild(eventsPath, readModelsPath, passes, storeKind);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
