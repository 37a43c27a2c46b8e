import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mongoDatabaseFor, readModelsConfigFromEnv } from '@aftersales/platform';
import { dropTestDatabases } from '@aftersales/mongo/testing';

/** The read-model databases of one test system: nothing to do on SQLite (they live in its data directory). */
export interface TestReadModels {
  /** What the system's processes get in their environment. */
  env: Record<string, string>;
  /** Drops the system's databases: after it stopped, before its data directory is removed. */
  drop(): Promise<void>;
}

/**
 * With AFTERSALES_READ_MODELS=mongo, each process of a test system has a database of its own: the platform's default,
 * named after the process's data directory (`aftersales-<hash of its path>`), which is fresh for every system. An
 * AFTERSALES_MONGO_DB of the test run's environment is not passed on: it would put every system in one database. The
 * default is what a CLI run on a data directory (`audit:compensations --data …`) finds, as in production. Dropped after:
 * suites never see each other's documents, and the server does not fill up over a run.
 */
export function testReadModels(dataDir: string, env: NodeJS.ProcessEnv = process.env): TestReadModels {
  const config = readModelsConfigFromEnv({ ...env, AFTERSALES_DATA_DIR: dataDir, AFTERSALES_MONGO_DB: '' });
  if (config.kind !== 'mongo') return { env: {}, drop: async () => undefined };
  return {
    env: { AFTERSALES_MONGO_DB: '' },
    drop: async () => {
      // one process: the data directory; Kafka mode: a directory per process under it
      const dirs = [dataDir, ...(existsSync(dataDir) ? readdirSync(dataDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dataDir, e.name)) : [])];
      const names = dirs.map((dir) => mongoDatabaseFor(resolve(dir)));
      await dropTestDatabases(config.url, names).catch((error: unknown) => console.warn(`kept the read-model databases of ${dataDir}: ${String(error)}`));
    },
  };
}
