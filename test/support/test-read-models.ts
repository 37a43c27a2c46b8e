import { randomBytes } from 'node:crypto';
import { dropTestDatabases } from '@aftersales/mongo/testing';

/** The read-model databases of one test system: nothing to do on SQLite (they live in its data directory). */
export interface TestReadModels {
  /** What the system's processes get in their environment. */
  env: Record<string, string>;
  /** Drops the system's databases (after it stopped). */
  drop(): Promise<void>;
}

/**
 * With AFTERSALES_READ_MODELS=mongo, a database name of its own for one test system (AFTERSALES_MONGO_DB; a
 * multi-process system suffixes it per process), dropped after: suites never see each other's documents, and the
 * server does not fill up over a run.
 */
export function testReadModels(env: NodeJS.ProcessEnv = process.env): TestReadModels {
  const url = env.AFTERSALES_MONGO_URL?.trim();
  if (env.AFTERSALES_READ_MODELS?.trim() !== 'mongo' || !url) return { env: {}, drop: async () => undefined };
  const database = `e2e-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  return {
    env: { AFTERSALES_MONGO_DB: database },
    drop: async () => {
      await dropTestDatabases(url, database).catch((error: unknown) => console.warn(`kept the read-model databases ${database}*: ${String(error)}`));
    },
  };
}
