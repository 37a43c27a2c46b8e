import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTempFolder, type TempFolder } from '../support/temp-folder';
import { benchTarget } from './target-root';

export const CLOCK_START = '2026-11-02T08:00:00.000Z';

export interface ServerProcess {
  url: string;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Waits for the child's `listening on` line or, should a checkout print another, a 200 from `<url>/health`; fails
 * with its output when it exits or does not start in time.
 */
function listening(child: ChildProcess, what: string, url: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    let ready = false;
    const done = (): void => {
      ready = true;
      clearTimeout(timer);
      clearInterval(poll);
      resolveReady();
    };
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`${what} did not start within ${timeoutMs} ms: ${output.slice(-2000)}`));
    }, timeoutMs);
    const poll = setInterval(() => {
      fetch(`${url}/health`).then(
        (response) => response.status === 200 && !ready && done(),
        () => undefined,
      );
    }, 500);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
      if (/listening on/.test(output) && !ready) done();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      if (!ready) reject(new Error(`${what} exited with ${code}: ${output.slice(-2000)}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The built platform of BENCH_TARGET (`node apps/platform/dist/main.js`) in a child process with its own empty data
 * directory, manual clock from CLOCK_START, on a free loopback port; `extraEnv` on top (e.g. OTEL_* variables).
 */
export async function startPlatform(extraEnv: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const folder: TempFolder = createTempFolder('platform');
  const port = await freePort();
  const child = spawn(process.execPath, [join(benchTarget(), 'apps', 'platform', 'dist', 'main.js')], {
    cwd: folder.path, // nothing it writes lands in the measured checkout
    env: {
      ...process.env,
      AFTERSALES_DATA_DIR: folder.path,
      HOST: '127.0.0.1',
      PORT: String(port),
      AFTERSALES_CLOCK: 'manual',
      AFTERSALES_CLOCK_START: CLOCK_START,
      // the scenarios name their actor in X-Actor-* headers (a benchTarget from before tokens ignores this)
      AFTERSALES_AUTH: 'headers',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  await listening(child, 'the platform', url);
  return {
    url,
    pid: child.pid as number,
    dataDir: folder.path,
    async stop() {
      await stopChild(child);
      folder.dispose();
    },
  };
}

/** The bare NestJS reference app (bare-nest-app.ts) in a child process. */
export async function startBareNest(): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, '..', 'http', 'bare-nest-app.js'), String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}`;
  await listening(child, 'the bare NestJS app', url);
  return { url, pid: child.pid as number, dataDir: '', stop: () => stopChild(child) };
}

export interface IoCounters {
  /** Bytes passed to write syscalls (files, WAL, checkpoints, and sockets: HTTP responses count too). */
  wchar: number;
  /** Bytes the process caused to be sent to the storage layer (page granularity, after the page cache). */
  writeBytes: number;
}

/** The write counters of /proc/<pid>/io. */
export function ioCounters(pid: number): IoCounters {
  const fields = new Map(
    readFileSync(`/proc/${pid}/io`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(':').map((part) => part.trim()) as [string, string]),
  );
  if (!fields.has('wchar')) throw new Error(`no wchar in /proc/${pid}/io`);
  return { wchar: Number(fields.get('wchar')), writeBytes: Number(fields.get('write_bytes') ?? 0) };
}

/**
 * CPU time a live process has used so far, user and system (utime + stime of /proc/<pid>/stat, in clock ticks of
 * 10 ms, the Linux default). Beside wall time it tells a change in the work done from a machine busy with other work.
 */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Peak resident set size of a live process (VmHWM of /proc/<pid>/status), in bytes. */
export function peakRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D+/g, '')) * 1024 : 0;
}

/** Size of every file in a data directory (top level), by name. */
export function fileSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const name of readdirSync(dir)) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) sizes.set(name, stat.size);
  }
  return sizes;
}
