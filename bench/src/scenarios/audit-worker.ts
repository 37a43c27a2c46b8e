/**
 * Child process of the audit measurement: opens a seeded log and read-model file, runs verify() then a what-if with
 * the draft rulebook, and prints one JSON line with the timings and the process's peak RSS (the kernel's high-water
 * mark: seeding happened in the parent, so this is the audit alone plus what the process costs loaded).
 */
import { SystemClock } from '@aftersales/kernel';
import { createCompensationAudit } from '@aftersales/refund';
import { SqliteEventStore, SqliteReadModelStore } from '@aftersales/sqlite';

const startRssBytes = process.memoryUsage().rss;

export interface AuditWorkerReport {
  checked: number;
  eventsRead: number;
  mismatches: number;
  verifyMs: number;
  whatIfMs: number;
  whatIfDelta: number;
  whatIfChanged: number;
  startRssBytes: number;
  peakRssBytes: number;
}

async function main(): Promise<void> {
  const [eventsPath, readModelsPath] = process.argv.slice(2);
  const store = new SqliteEventStore({ path: eventsPath, clock: new SystemClock() });
  const readModels = new SqliteReadModelStore({ path: readModelsPath });
  const audit = createCompensationAudit(store, readModels);
  const t0 = performance.now();
  const verified = await audit.verify();
  const verifyMs = performance.now() - t0;
  const t1 = performance.now();
  const whatIf = await audit.whatIf('2027-01-v2');
  const whatIfMs = performance.now() - t1;
  await readModels.close();
  await store.close();
  const report: AuditWorkerReport = {
    checked: verified.checked,
    eventsRead: verified.eventsRead,
    mismatches: verified.mismatches.length,
    verifyMs,
    whatIfMs,
    whatIfDelta: whatIf.delta.amount,
    whatIfChanged: whatIf.changedCount,
    startRssBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
