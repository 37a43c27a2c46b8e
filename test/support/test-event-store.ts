import { randomBytes } from 'node:crypto';
import type { EventStoreConfig } from '@aftersales/platform';
import { KurrentWireDouble } from '@aftersales/kurrent/testing';

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
  if (env.AFTERSALES_STORE?.trim() !== 'esdb') return { config: { kind: 'sqlite' }, env: {}, stop: async () => undefined };
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
