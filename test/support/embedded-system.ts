import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbedded, type RunningSystem } from '@aftersales/platform';
import { admin, HttpClient } from './http-client';
import { e2eMode, startMultiProcessSystem } from './multi-process-system';
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
 * AFTERSALES_E2E_MODE=kafka, every service as its own process over Kafka behind the gateway (see multi-process.ts).
 */
export async function startTestSystem(start = '2026-11-02T08:00:00.000Z'): Promise<TestSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-e2e-'));
  if (e2eMode() === 'kafka') return startKafkaTestSystem(dataDir, start);
  const system = await startEmbedded({ port: 0, host: '127.0.0.1', dataDir, clock: 'manual', manualClockStart: start, timerPollMs: 1000, auth: { mode: 'headers' } });
  const api = new HttpClient(system.url);
  return withAdminCalls({
    system,
    api,
    dataDir,
    stop: async () => {
      await system.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** A test system for each test of the describe block (`each`) or one for all of them (`all`), stopped after. */
export const useTestSystem = (scope: Scope = 'each'): TestSystem =>
  useSystem(scope, () => startTestSystem(), (system) => system.stop());

async function startKafkaTestSystem(dataDir: string, start: string): Promise<TestSystem> {
  try {
    const running = await startMultiProcessSystem(dataDir, { clockStart: start });
    return withAdminCalls({
      api: running.api,
      dataDir,
      stop: async () => {
        await running.stop();
        await running.dropNamespace();
        rmSync(dataDir, { recursive: true, force: true });
      },
    });
  } catch (error) {
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
