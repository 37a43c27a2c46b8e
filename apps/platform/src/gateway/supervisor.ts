import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ServiceProcess } from './process-client';

export interface ProcessSpec {
  name: string;
  services: string[];
  port: number;
  env: Record<string, string>;
}

interface Supervised {
  spec: ProcessSpec;
  child: ChildProcess | undefined;
  /** A fresh name per start: a process left over from an earlier start, or another system's, does not have it. */
  instance: string | undefined;
  restarts: number;
}

const MAIN = join(__dirname, '..', 'main.js');
const RESTART_DELAY_MS = 300;

/**
 * Runs each service process (`main.js` with its own env) and starts it again when it dies, on the same port, as an
 * orchestrator would: a killed consumer comes back and resumes from its committed offsets. Output goes to ours,
 * each line prefixed with the process name.
 */
export class Supervisor {
  private readonly supervised: Supervised[];
  private stopping = false;

  constructor(
    specs: ProcessSpec[],
    private readonly host: string,
    private readonly log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {
    this.supervised = specs.map((spec) => ({ spec, child: undefined, instance: undefined, restarts: 0 }));
  }

  start(): void {
    for (const entry of this.supervised) this.spawn(entry);
  }

  processes(): ServiceProcess[] {
    return this.supervised.map(({ spec, instance }) => ({
      name: spec.name,
      services: spec.services,
      url: `http://${this.host}:${spec.port}`,
      serviceKey: spec.env.AFTERSALES_SERVICE_KEY,
      instance,
    }));
  }

  describe(): Array<ServiceProcess & { pid: number | null; restarts: number; port: number }> {
    return this.supervised.map(({ spec, child, restarts }) => ({
      name: spec.name,
      services: spec.services,
      url: `http://${this.host}:${spec.port}`,
      port: spec.port,
      pid: child?.pid ?? null,
      restarts,
    }));
  }

  /** SIGTERM to every process (they finish in-flight work and commit), SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.supervised.map(async ({ child }) => {
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private spawn(entry: Supervised): void {
    const { spec } = entry;
    entry.instance = randomBytes(9).toString('base64url');
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        ...spec.env,
        PORT: String(spec.port),
        HOST: this.host,
        AFTERSALES_SERVICES: spec.services.join(','),
        AFTERSALES_PROCESS_INSTANCE: entry.instance,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.child = child;
    for (const stream of [child.stdout!, child.stderr!]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) this.log(`[${spec.name}] ${line}`);
      });
    }
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      entry.restarts += 1;
      this.log(`[supervisor] ${spec.name} (pid ${child.pid}) exited (${signal ?? code}); starting it again (restart ${entry.restarts})`);
      setTimeout(() => {
        if (!this.stopping) this.spawn(entry);
      }, RESTART_DELAY_MS);
    });
  }
}
