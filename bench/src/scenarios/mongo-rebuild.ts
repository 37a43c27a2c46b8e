/**
 * `BENCH_ONLY=mongo pnpm bench` (or `node bench/dist/scenarios/mongo-rebuild.js`): issue 14's figure. The order
 * service's `orders` read model rebuilt from the same log (SQLite event store) into SQLite read models and into MongoDB
 * read models on the server at AFTERSALES_MONGO_URL (CI: FerretDB from infra/mongo/scripts/ferretdb.sh), passes
 * interleaved, with the kernel's ProjectionRunner. Both stores must end with the same documents and the checkpoint at
 * the log's head. BENCH_MONGO_EVENTS sets the log's size (default 20 000: FerretDB on SQLite is slow to write).
 */
import '../target/target-resolution';
import { ProjectionRunner, SystemClock, type ReadModelStore } from '@aftersales/kernel';
import { MongoReadModelStore } from '@aftersales/mongo';
import { ordersProjection, ORDERS_COLLECTION } from '@aftersales/order';
import { SqliteEventStore, SqliteReadModelStore } from '@aftersales/sqlite';
import { MongoClient } from 'mongodb';
import { median, perSecond } from '../support/statistics';
import { createTempFolder } from '../support/temp-folder';
import { seedRebuildLog } from '../workload/seed-rebuild-log';

export interface MongoRebuildResults {
  events: number;
  orders: number;
  passes: number;
  /** Median events/s of each store's passes. */
  sqlite: number;
  mongo: number;
  problems: string[];
}

async function countDocuments(readModels: ReadModelStore): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await readModels.find(ORDERS_COLLECTION, { limit: 500, cursor });
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

export async function rebuildIntoMongo(options: { url: string; events: number; passes: number; log: (line: string) => void }): Promise<MongoRebuildResults> {
  const folder = createTempFolder('mongo-rebuild');
  const database = `aftersales-bench-${process.pid}`;
  try {
    const seeded = await seedRebuildLog(folder.file('events.db'), options.events);
    options.log(`  seeded ${seeded.events} events of ${seeded.orders} orders (not timed)`);
    const store = new SqliteEventStore({ path: folder.file('events.db'), clock: new SystemClock() });
    const head = await store.headPosition();
    const stores: Record<'sqlite' | 'mongo', ReadModelStore> = {
      sqlite: new SqliteReadModelStore({ path: folder.file('read-models.db') }),
      mongo: new MongoReadModelStore({ url: options.url, database }),
    };
    const rates: Record<'sqlite' | 'mongo', number[]> = { sqlite: [], mongo: [] };
    const problems: string[] = [];
    for (let pass = 0; pass < options.passes; pass++) {
      for (const kind of pass % 2 === 0 ? (['sqlite', 'mongo'] as const) : (['mongo', 'sqlite'] as const)) {
        const started = performance.now();
        const report = await new ProjectionRunner(store, stores[kind], ordersProjection).rebuild();
        const ms = performance.now() - started;
        rates[kind].push(perSecond(report.events, ms));
        options.log(`  pass ${pass + 1}, ${kind}: ${report.events} events in ${ms.toFixed(0)} ms (${rates[kind].at(-1)!.toFixed(0)} events/s)`);
      }
    }
    const documents = { sqlite: await countDocuments(stores.sqlite), mongo: await countDocuments(stores.mongo) };
    if (documents.mongo !== documents.sqlite) problems.push(`MongoDB holds ${documents.mongo} orders, SQLite ${documents.sqlite}`);
    for (const kind of ['sqlite', 'mongo'] as const) {
      const checkpoint = await stores[kind].checkpoint(ordersProjection.name);
      if (checkpoint !== head) problems.push(`the ${kind} checkpoint is ${checkpoint}, the log's head ${head}`);
      await stores[kind].close();
    }
    await store.close();
    return { events: seeded.events, orders: documents.sqlite, passes: options.passes, sqlite: median(rates.sqlite), mongo: median(rates.mongo), problems };
  } finally {
    const client = new MongoClient(options.url);
    await client.db(database).dropDatabase().catch(() => undefined);
    await client.close();
    folder.dispose();
  }
}

async function main(): Promise<void> {
  const url = process.env.AFTERSALES_MONGO_URL;
  if (!url) {
    console.log('mongo rebuild skipped: AFTERSALES_MONGO_URL is not set (bash infra/mongo/scripts/ferretdb.sh start)');
    return;
  }
  const result = await rebuildIntoMongo({ url, events: Number(process.env.BENCH_MONGO_EVENTS ?? 20_000), passes: 3, log: console.log });
  console.log(
    `Rebuild of orders from ${result.events} events (${result.orders} orders): SQLite ${result.sqlite.toFixed(0)} events/s, ` +
      `MongoDB at ${url} ${result.mongo.toFixed(0)} events/s (medians of ${result.passes} passes)`,
  );
  for (const problem of result.problems) console.log(`ERROR: ${problem}`);
  process.exitCode = result.problems.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
