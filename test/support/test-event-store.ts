import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SystemClock, type EventStore } from '@aftersales/kernel';
import { KurrentEventStore } from '@aftersales/kurrent';
import { KurrentWireDouble } from '@aftersales/kurrent/testing';
import type { EventStoreConfig } from '@aftersales/platform';
import { SqliteEventStore } from '@aftersales/sqlite';

/** The event store a test system runs on, and what to stop with it. */
export interface TestEventStore {
  config: EventStoreConfig;
  /** The same as environment variables, for a system started as child processes. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

let announced = false;

/**
 * AFTERSALES_STORE=esdb: the system's log on KurrentDB, in a namespace of its own: the server at AFTERSALES_ESDB_URL,
 * else a wire-level test double started for this system (said once per test file on stderr). Otherwise SQLite.
 */
export async function startTestEventStore(env: NodeJS.ProcessEnv = process.env): Promise<TestEventStore> {
  if (!esdbLog(env)) return { config: { kind: 'sqlite' }, env: {}, stop: async () => undefined };
  const namespace = `e2e-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const given = env.AFTERSALES_ESDB_URL?.trim();
  const double = given ? undefined : await new KurrentWireDouble().start();
  const url = given ?? double!.connectionString;
  if (!announced) {
    announced = true;
    process.stderr.write(
      `e2e event store: KurrentDB ${given ? `server at AFTERSALES_ESDB_URL (${given})` : 'wire-level TEST DOUBLE (in memory, real gRPC), one per system'}\n`,
    );
  }
  return {
    config: { kind: 'esdb', url, namespace },
    env: { AFTERSALES_STORE: 'esdb', AFTERSALES_ESDB_URL: url, AFTERSALES_ESDB_NAMESPACE: namespace },
    stop: async () => void (await double?.stop()),
  };
}

/** Whether the suites run with the log on KurrentDB (AFTERSALES_STORE=esdb). */
export const esdbLog = (env: NodeJS.ProcessEnv = process.env): boolean => env.AFTERSALES_STORE?.trim() === 'esdb';

/**
 * `describe` for a suite that reads the SQLite log (`events.db`) itself, or, with the log on KurrentDB, `describe.skip`
 * after saying on stderr which suite and why: never skipped silently.
 */
export function describeOnSqliteLog(suite: string, why: string): jest.Describe {
  if (!esdbLog()) return describe;
  process.stderr.write(`${suite} skipped with AFTERSALES_STORE=esdb: ${why} (it runs on the SQLite log)\n`);
  return describe.skip;
}

/** The same for one test of a suite that otherwise runs on either log. */
export function itOnSqliteLog(test: string, why: string): jest.It {
  if (!esdbLog()) return it;
  process.stderr.write(`"${test}" skipped with AFTERSALES_STORE=esdb: ${why} (it runs on the SQLite log)\n`);
  return it.skip;
}

/**
 * The log of a stopped test system through the store port: `<dataDir>/events.db`, or the system's KurrentDB namespace
 * (in Kafka mode the process's own, `<namespace>-<process>`, beside `<dataDir>/<process>`). Open it only while the
 * system is stopped: a namespace has one writer.
 */
export function openTestLog(store: TestEventStore, dataDir: string, processName?: string): EventStore {
  if (store.config.kind === 'esdb') {
    const namespace = processName ? `${store.config.namespace}-${processName}` : store.config.namespace;
    return new KurrentEventStore({ connection: store.config.url, namespace, clock: new SystemClock() });
  }
  return new SqliteEventStore({ path: join(processName ? join(dataDir, processName) : dataDir, 'events.db'), clock: new SystemClock() });
}
