import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { brokersFromEnv, deleteNamespace } from '@aftersales/kafka';
import { freePort } from './child-process-system';
import { HttpClient } from './http-client';

const MULTI_PROCESS = join(__dirname, '..', '..', 'apps', 'platform', 'dist', 'multi-process.js');

/** `AFTERSALES_E2E_MODE=kafka`: the end-to-end suite drives the services as separate processes over Kafka. */
export const e2eMode = (): 'embedded' | 'kafka' => (process.env.AFTERSALES_E2E_MODE === 'kafka' ? 'kafka' : 'embedded');

/** How long the system waits for every process to answer /health before it gives up (a loaded machine: minutes). */
const HEALTHY_WITHIN_MS = 120_000;

/**
 * How long a test hook may take to start or stop a system: in Kafka mode, as long as the start waits for health plus
 * the stop's grace period (six processes starting on a busy machine take well over jest's 30 s); else jest's default.
 */
export const systemHookTimeoutMs = (): number | undefined => (e2eMode() === 'kafka' ? HEALTHY_WITHIN_MS + 60_000 : undefined);

/**
 * A test in Kafka mode waits for every hop through the broker (and, with AFTERSALES_READ_MODELS=mongo, for writes to
 * FerretDB): a test that takes a few seconds in one process takes tens of seconds here on a busy machine. Set when a
 * suite imports the test support, so a file's own jest.setTimeout still wins.
 */
const KAFKA_TEST_TIMEOUT_MS = 120_000;
if (e2eMode() === 'kafka' && typeof jest !== 'undefined') jest.setTimeout(KAFKA_TEST_TIMEOUT_MS);

export interface MultiProcessSystem {
  api: HttpClient;
  /** The namespace of this run's topics and consumer groups. */
  topicPrefix: string;
  brokers: string[];
  process: ChildProcess;
  output(): string;
  /** SIGTERM: the gateway stops every service process (they commit what they handled), then exits. */
  stop(): Promise<void>;
  /** Deletes this run's topics and consumer groups. */
  dropNamespace(): Promise<void>;
}

/**
 * `pnpm start:kafka`'s command (gateway + one process per service) as a child of the test, on a fresh namespace of
 * topics and consumer groups, waiting until every process is healthy. Needs KAFKA_BROKERS and a build.
 */
export async function startMultiProcessSystem(
  dataDir: string,
  options: { clockStart?: string; topicPrefix?: string; port?: number; brokers?: string[]; env?: Record<string, string> } = {},
): Promise<MultiProcessSystem> {
  const brokers = options.brokers ?? brokersFromEnv();
  if (brokers.length === 0) {
    throw new Error('the multi-process Kafka system needs KAFKA_BROKERS (e.g. `pnpm kafka:start`, then KAFKA_BROKERS=127.0.0.1:9092)');
  }
  if (!existsSync(MULTI_PROCESS)) throw new Error(`${MULTI_PROCESS} is not built: run \`pnpm build\``);
  const topicPrefix = options.topicPrefix ?? `e2e-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;
  const port = options.port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, [MULTI_PROCESS], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      AFTERSALES_DATA_DIR: dataDir,
      AFTERSALES_CLOCK: 'manual',
      AFTERSALES_CLOCK_START: options.clockStart ?? '2026-11-02T08:00:00.000Z',
      AFTERSALES_TOPIC_PREFIX: topicPrefix,
      KAFKA_BROKERS: brokers.join(','),
      // a killed process's partitions move to its restarted successor soon
      AFTERSALES_KAFKA_SESSION_TIMEOUT_MS: '10000',
      AFTERSALES_AUTH: 'headers',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const api = new HttpClient(`http://127.0.0.1:${port}`);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const system: MultiProcessSystem = {
    api,
    topicPrefix,
    brokers,
    process: child,
    output: () => output,
    stop,
    dropNamespace: async () => void (await deleteNamespace(brokers, topicPrefix)),
  };
  await waitUntilHealthy(system, HEALTHY_WITHIN_MS);
  return system;
}

export async function waitUntilHealthy(system: Pick<MultiProcessSystem, 'api' | 'process' | 'output' | 'stop'>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (system.process.exitCode !== null) throw new Error(`the multi-process system exited with ${system.process.exitCode}:\n${system.output()}`);
    try {
      if ((await system.api.get('/health')).status === 200) return;
    } catch {
      // the gateway is not listening yet
    }
    if (Date.now() > deadline) {
      await system.stop();
      throw new Error(`the multi-process system did not become healthy in ${timeoutMs} ms:\n${system.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
