import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelsConfigFromEnv, startEmbedded } from '@aftersales/platform';
import { admin, HttpClient } from './http-client';
import { e2eMode, startMultiProcessSystem, systemHookTimeoutMs } from './multi-process-system';
import { openTestLog, startTestEventStore, type TestEventStore } from './test-event-store';
import { testReadModels } from './test-read-models';
import { useSystem } from './use-system';

/** What one start of the system leaves to the helper: its address and how to stop it. */
interface Started {
  api: HttpClient;
  stop(): Promise<void>;
}

/**
 * The runtime on a data directory that outlives it: stop it, touch its files, start it again. Embedded by default;
 * with AFTERSALES_E2E_MODE=kafka, every service as its own process over Kafka behind the gateway (see multi-process.ts),
 * restarted on the same data directories and the same topics and consumer groups, so it resumes from committed offsets.
 * With AFTERSALES_STORE=esdb the log is on KurrentDB (one namespace, or one per process, kept across restarts).
 */
export function restartableSystem(start = '2026-11-02T08:00:00.000Z') {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-restart-'));
  const kafka = e2eMode() === 'kafka';
  // the same read-model databases across restarts (on MongoDB), dropped with the data directory
  const mongo = testReadModels(dataDir);
  let topicPrefix: string | undefined;
  let dropNamespace: (() => Promise<void>) | undefined;
  let running: Started | undefined;
  let eventStore: TestEventStore | undefined;

  const startOnce = async (): Promise<Started> => {
    eventStore ??= await startTestEventStore();
    if (!kafka) {
      const readModels = readModelsConfigFromEnv({ ...process.env, AFTERSALES_DATA_DIR: dataDir, ...mongo.env });
      const system = await startEmbedded({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        clock: 'manual',
        manualClockStart: start,
        timerPollMs: 1000,
        auth: { mode: 'headers' },
        eventStore: eventStore.config,
        readModels,
      });
      return { api: new HttpClient(system.url), stop: () => system.close() };
    }
    const system = await startMultiProcessSystem(dataDir, { clockStart: start, topicPrefix, env: { ...eventStore.env, ...mongo.env } });
    topicPrefix = system.topicPrefix;
    dropNamespace = system.dropNamespace;
    return { api: system.api, stop: system.stop };
  };

  const self = {
    dataDir,
    /** The data directory of the process that runs the refund service (its log, read models, fake payment provider). */
    refundDataDir: kafka ? join(dataDir, 'refund') : dataDir,
    get api(): HttpClient {
      if (!running) throw new Error('not started');
      return running.api;
    },
    async start(): Promise<HttpClient> {
      running = await startOnce();
      return running.api;
    },
    async stop(): Promise<void> {
      const stopping = running;
      running = undefined;
      await stopping?.stop();
    },
    /**
     * The log of the process `processName` runs in (Kafka mode; embedded, the one log) through the store port, on SQLite
     * or KurrentDB; only while the system is stopped.
     */
    openLog(processName: string) {
      if (running) throw new Error('stop the system before opening its log: a log has one writer');
      if (!eventStore) throw new Error('never started');
      return openTestLog(eventStore, dataDir, kafka ? processName : undefined);
    },
    async restart(): Promise<HttpClient> {
      await self.stop();
      return self.start();
    },
    async settle(): Promise<void> {
      const answer = await self.api.post('/admin/settle', {}, admin);
      if (answer.status !== 200) throw new Error(`settle failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    async advance(duration: { hours?: number; minutes?: number; days?: number }): Promise<void> {
      const answer = await self.api.post('/admin/clock/advance', duration, admin);
      if (answer.status !== 200) throw new Error(`advance failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    async dispose(): Promise<void> {
      try {
        await self.stop();
        await dropNamespace?.().catch((error: unknown) => console.warn(`kept this run's topics and groups on the broker: ${String(error)}`));
        await eventStore?.stop();
      } finally {
        await mongo.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  return self;
}

export type RestartableSystem = ReturnType<typeof restartableSystem>;

/** A restartable system for each test of the describe block, started before it and disposed of after. */
export const useRestartableSystem = (): RestartableSystem =>
  useSystem(
    'each',
    async () => {
      const system = restartableSystem();
      try {
        await system.start();
      } catch (error) {
        await system.dispose();
        throw error;
      }
      return system;
    },
    (system) => system.dispose(),
    systemHookTimeoutMs(),
  );
