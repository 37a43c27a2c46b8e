import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelsConfigFromEnv, startEmbedded, type RunningSystem } from '@aftersales/platform';
import { admin, bearerTokens, HttpClient } from './http-client';
import { e2eMode, startMultiProcessSystem, systemHookTimeoutMs } from './multi-process-system';
import { startTestEventStore, type TestEventStore } from './test-event-store';
import { testReadModels, type TestReadModels } from './test-read-models';
import { useSystem, type Scope } from './use-system';

export interface TestSystem {
  /** The in-process runtime (embedded mode only). */
  system?: RunningSystem;
  api: HttpClient;
  dataDir: string;
  /** Waits until every consequence of what was committed so far has been processed. */
  settle(): Promise<void>;
  advance(duration: { hours?: number; minutes?: number; days?: number }): Promise<{ now: string; firedTimers: number }>;
  stop(): Promise<void>;
}

/**
 * All services in this process on a fresh data directory, with a manual clock, on a free port, in headers mode (the
 * test's HttpClient names each request's actor in X-Actor-* headers); with
 * AFTERSALES_E2E_MODE=kafka, every service as its own process over Kafka behind the gateway (see multi-process.ts);
 * with AFTERSALES_STORE=esdb, the log on KurrentDB (see test-event-store.ts).
 */
export async function startTestSystem(start = '2026-11-02T08:00:00.000Z', options: TestSystemOptions = {}): Promise<TestSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-e2e-'));
  const secret = options.auth === 'tokens' ? randomBytes(32).toString('hex') : undefined;
  const eventStore = await startTestEventStore();
  // AFTERSALES_READ_MODELS=mongo (with AFTERSALES_MONGO_URL) runs the suites on MongoDB read models, databases of the system's own (see testReadModels)
  const mongo = testReadModels(dataDir);
  if (e2eMode() === 'kafka') return startKafkaTestSystem(dataDir, start, secret, eventStore, mongo);
  const auth = secret ? { mode: 'hs256' as const, secret } : { mode: 'headers' as const };
  const readModels = readModelsConfigFromEnv({ ...process.env, AFTERSALES_DATA_DIR: dataDir, ...mongo.env });
  const config = { port: 0, host: '127.0.0.1', dataDir, clock: 'manual' as const, manualClockStart: start, timerPollMs: 1000, auth, eventStore: eventStore.config, readModels };
  const system = await startEmbedded(config).catch(async (error: unknown) => {
    await eventStore.stop();
    await mongo.drop();
    throw error;
  });
  const api = new HttpClient(system.url, secret ? bearerTokens(secret) : undefined);
  return withAdminCalls({
    system,
    api,
    dataDir,
    stop: async () => {
      await system.close();
      await eventStore.stop();
      await mongo.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** A test system for each test of the describe block (`each`) or one for all of them (`all`), stopped after. */
export const useTestSystem = (scope: Scope = 'each', options: TestSystemOptions = {}): TestSystem =>
  useSystem(scope, () => startTestSystem(undefined, options), (system) => system.stop(), systemHookTimeoutMs());

export interface TestSystemOptions {
  /** `headers` (default): callers named by X-Actor-* headers; `tokens`: HS256 bearer tokens, as in production. */
  auth?: 'headers' | 'tokens';
}

async function startKafkaTestSystem(dataDir: string, start: string, secret: string | undefined, eventStore: TestEventStore, mongo: TestReadModels): Promise<TestSystem> {
  try {
    const env: Record<string, string> = { ...eventStore.env, ...mongo.env, ...(secret ? { AFTERSALES_AUTH: '', AFTERSALES_AUTH_SECRET: secret } : {}) };
    const running = await startMultiProcessSystem(dataDir, { clockStart: start, env });
    return withAdminCalls({
      api: secret ? new HttpClient(running.api.baseUrl, bearerTokens(secret)) : running.api,
      dataDir,
      stop: async () => {
        await running.stop();
        // The namespace is this run's own; a group the broker does not let go of yet (a member still leaving) is left
        // behind rather than failing the test it served.
        await running.dropNamespace().catch((error: unknown) => console.warn(`kept ${running.topicPrefix}* on the broker: ${String(error)}`));
        await eventStore.stop();
        await mongo.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    });
  } catch (error) {
    await eventStore.stop();
    await mongo.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function withAdminCalls(base: Pick<TestSystem, 'system' | 'api' | 'dataDir' | 'stop'>): TestSystem {
  const { api } = base;
  return {
    ...base,
    settle: async () => {
      const answer = await api.post('/admin/settle', {}, admin);
      if (answer.status !== 200) throw new Error(`settle failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    advance: async (duration) => {
      const answer = await api.post('/admin/clock/advance', duration, admin);
      if (answer.status !== 200) throw new Error(`advance failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
  };
}
