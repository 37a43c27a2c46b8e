import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbedded, type RunningSystem } from '@aftersales/runtime';
import { HttpClient } from './http-client';

export interface TestSystem {
  system: RunningSystem;
  api: HttpClient;
  dataDir: string;
  /** Waits until every consequence of what was committed so far has been processed. */
  settle(): Promise<void>;
  advance(duration: { hours?: number; minutes?: number; days?: number }): Promise<{ now: string; firedTimers: number }>;
  stop(): Promise<void>;
}

/** All services in this process on a fresh data directory, with a manual clock, on a free port. */
export async function startTestSystem(start = '2026-11-02T08:00:00.000Z'): Promise<TestSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-e2e-'));
  const system = await startEmbedded({ port: 0, host: '127.0.0.1', dataDir, clock: 'manual', manualClockStart: start, timerPollMs: 1000 });
  const api = new HttpClient(system.url);
  return {
    system,
    api,
    dataDir,
    settle: async () => {
      const answer = await api.post('/admin/settle', {});
      if (answer.status !== 200) throw new Error(`settle failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    advance: async (duration) => {
      const answer = await api.post('/admin/clock/advance', duration);
      if (answer.status !== 200) throw new Error(`advance failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    stop: async () => {
      await system.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
