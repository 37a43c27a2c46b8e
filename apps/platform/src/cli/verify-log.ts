/**
 * Verifies the hash chain of the event logs under a data directory: the embedded platform's `<data>/events.db`, or
 * each service process's `<data>/<service>/events.db` (`pnpm start:kafka`). Reads only what the logs hold:
 *
 *   pnpm audit:log                     # AFTERSALES_DATA_DIR or ./data
 *   pnpm audit:log --data ./data
 *
 * With AFTERSALES_STORE=esdb, the logs on KurrentDB (AFTERSALES_ESDB_URL): the namespace AFTERSALES_ESDB_NAMESPACE, or
 * those named by `--namespace a,b` (multi-process mode: `<namespace>-<process>`).
 *
 * Prints `{checked, firstBrokenPosition?, logs:[{log, checked, firstBrokenPosition?}]}` as JSON. Exit code: 0 when
 * every chain holds, 2 when one is broken, 1 on error (no log found).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SystemClock, type ChainReport } from '@aftersales/kernel';
import { SqliteEventStore } from '@aftersales/sqlite';
import { KurrentEventStore } from '@aftersales/kurrent';
import { eventStoreConfigFromEnv } from '../config';
import { runAsMain, type CliOutcome } from './cli-outcome';

function logsUnder(dataDir: string): string[] {
  const own = join(dataDir, 'events.db');
  if (existsSync(own)) return [own];
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dataDir, entry.name, 'events.db')))
    .map((entry) => join(dataDir, entry.name, 'events.db'));
}

async function verifyLog(path: string): Promise<ChainReport> {
  const store = new SqliteEventStore({ path, clock: new SystemClock(), writerThread: false });
  try {
    return await store.verifyChain();
  } finally {
    await store.close();
  }
}

async function verifyNamespace(url: string, namespace: string): Promise<ChainReport> {
  const store = new KurrentEventStore({ connection: url, namespace, clock: new SystemClock(), recentEvents: 0, readOnly: true });
  try {
    return await store.verifyChain();
  } finally {
    await store.close();
  }
}

export async function runVerifyLogCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliOutcome> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string', default: env.AFTERSALES_DATA_DIR ?? 'data' }, namespace: { type: 'string' } },
    strict: true,
  });
  const store = eventStoreConfigFromEnv(env);
  const logs: Array<ChainReport & { log: string }> = [];
  if (store.kind === 'esdb') {
    const namespaces = (values.namespace ?? store.namespace)
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    for (const namespace of namespaces) logs.push({ log: `esdb:${namespace}`, ...(await verifyNamespace(store.url, namespace)) });
  } else {
    const dataDir = resolve(values.data!);
    const paths = logsUnder(dataDir);
    if (paths.length === 0)
      return { exitCode: 1, output: `no events.db in ${dataDir} or its service folders (is --data a data directory?)` };
    for (const path of paths) logs.push({ log: relative(dataDir, path), ...(await verifyLog(path)) });
  }
  const broken = logs.find((log) => log.firstBrokenPosition !== undefined);
  const report = {
    checked: logs.reduce((sum, log) => sum + log.checked, 0),
    ...(broken ? { firstBrokenPosition: broken.firstBrokenPosition, brokenLog: broken.log } : {}),
    logs,
  };
  return { exitCode: broken ? 2 : 0, output: JSON.stringify(report, null, 2) };
}

if (require.main === module) runAsMain(runVerifyLogCli);
