import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from './http-client';

const MAIN = join(__dirname, '..', '..', 'apps', 'platform', 'dist', 'main.js');

export interface ChildSystem {
  process: ChildProcess;
  api: HttpClient;
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs the built embedded runtime (`pnpm start`'s process) as a child, and waits until /health answers. */
export async function startChildSystem(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildSystem> {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', AFTERSALES_DATA_DIR: dataDir, AFTERSALES_CLOCK: 'manual', AFTERSALES_CLOCK_START: '2026-11-02T08:00:00.000Z', AFTERSALES_AUTH: 'headers', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const api = new HttpClient(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the runtime exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await api.get('/health')).status === 200) return { process: child, api, output: () => output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the runtime did not become healthy in 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** `describe` when the runtime is built (a child runs its dist/main.js); otherwise `describe.skip`, saying so on stderr. */
export function describeIfMainBuilt(suite: string): jest.Describe {
  if (existsSync(MAIN)) return describe;
  // stderr, not console: jest does not show the console output of a file whose tests were all skipped
  process.stderr.write(`${suite} skipped: apps/platform/dist/main.js is not built (run \`pnpm build\`; \`pnpm test\` does)\n`);
  return describe.skip;
}

/** A data directory for a describe block and the runtimes started on it, one after another (a restart after a crash). */
export interface ChildSystemSite {
  readonly dataDir: string;
  /** Starts the runtime on the data directory; the last one started is killed after all tests. */
  start(port: number): Promise<ChildSystem>;
}

/** Creates the data directory before all tests; after them, kills the runtime still running and removes the directory. */
export function useChildSystemSite(prefix: string): ChildSystemSite {
  let dataDir: string | undefined;
  let system: ChildSystem | undefined;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (system) await kill9(system.process);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get dataDir() {
      if (!dataDir) throw new Error('no data directory yet: use it inside a test');
      return dataDir;
    },
    async start(port) {
      system = await startChildSystem(this.dataDir, port);
      return system;
    },
  };
}
