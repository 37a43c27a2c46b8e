import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbedded, type RunningSystem } from '@aftersales/runtime';
import { HttpClient } from './http-client';

/** The embedded runtime on a data directory that outlives it: stop it, touch its files, start it again. */
export function restartableSystem(start = '2026-11-02T08:00:00.000Z') {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-restart-'));
  let system: RunningSystem | undefined;
  let api: HttpClient | undefined;
  const self = {
    dataDir,
    get api(): HttpClient {
      if (!api) throw new Error('not started');
      return api;
    },
    async start(): Promise<HttpClient> {
      system = await startEmbedded({ port: 0, host: '127.0.0.1', dataDir, clock: 'manual', manualClockStart: start, timerPollMs: 1000 });
      api = new HttpClient(system.url);
      return api;
    },
    async stop(): Promise<void> {
      await system?.close();
      system = undefined;
      api = undefined;
    },
    async restart(): Promise<HttpClient> {
      await self.stop();
      return self.start();
    },
    async settle(): Promise<void> {
      const answer = await self.api.post('/admin/settle', {});
      if (answer.status !== 200) throw new Error(`settle failed: ${answer.status}`);
    },
    async advance(duration: { hours?: number; minutes?: number; days?: number }): Promise<void> {
      const answer = await self.api.post('/admin/clock/advance', duration);
      if (answer.status !== 200) throw new Error(`advance failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    async dispose(): Promise<void> {
      await self.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
