import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '@aftersales/nest';
import { admin, bearerTokens, HttpClient, type Actor } from '../../support/http-client';
import { PLATFORM_MAIN } from './preconditions';

/** The manual clock's start: a Monday morning, as in the e2e suites. */
export const CLOCK_START = '2026-11-02T08:00:00.000Z';

/** The embedded platform as `pnpm start` runs it, in a child process, for the browser to talk to. */
export interface ConsoleSystem {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** The console's address: `${url}/console`. */
  readonly consoleUrl: string;
  /** The public API with bearer tokens, acting as the actor each call names. */
  readonly api: HttpClient;
  /** An HS256 token for the actor, signed with the system's secret (what `pnpm -s token` prints). */
  token(actor: Actor, ttl?: string): Promise<string>;
  /** Waits until every consequence of what was committed so far has been processed (read models, reactions). */
  settle(): Promise<void>;
  /** Moves the manual clock on and fires the timers that fall due. */
  advance(duration: { days?: number; hours?: number; minutes?: number }): Promise<{ now: string; firedTimers: number }>;
  now(): Promise<string>;
  /** What the process printed so far (for failures). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts apps/platform/dist/main.js on a fresh data directory with the manual clock (AFTERSALES_CLOCK=manual from
 * 2026-11-02T08:00Z), HS256 tokens (AFTERSALES_AUTH_SECRET, random per run) on 127.0.0.1 and a port the system picks
 * (PORT=0; the address is read from its first line), and waits until /health answers.
 */
export async function startConsoleSystem(env: Record<string, string> = {}): Promise<ConsoleSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-console-'));
  const secret = randomBytes(32).toString('hex');
  const child = spawn(process.execPath, [PLATFORM_MAIN], {
    env: {
      ...inheritedEnv(),
      PORT: '0',
      HOST: '127.0.0.1',
      AFTERSALES_DATA_DIR: dataDir,
      AFTERSALES_CLOCK: 'manual',
      AFTERSALES_CLOCK_START: CLOCK_START,
      AFTERSALES_AUTH_SECRET: secret,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    await terminate(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await addressOf(child, () => output);
    const api = new HttpClient(url, bearerTokens(secret));
    await waitForHealth(api, () => output);
    return {
      url,
      consoleUrl: `${url}/console`,
      api,
      token: (actor, ttl = '8h') => mintToken({ secret, sub: actor.id, role: actor.role as Parameters<typeof mintToken>[0]['role'], shopIds: actor.shops, ttl }),
      settle: async () => {
        const answer = await api.post('/admin/settle', {}, admin);
        if (answer.status !== 200) throw new Error(`settle failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      },
      advance: async (duration) => {
        const answer = await api.post('/admin/clock/advance', duration, admin);
        if (answer.status !== 200) throw new Error(`advance failed: ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer.body;
      },
      now: async () => (await api.get('/admin/clock', admin)).body.now,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** This process's environment without what would make the child something else than one embedded platform on tokens. */
const inheritedEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^AFTERSALES_(BUS|SERVICES|AUTH|PEER)/.test(name)));

const STARTUP_LIMIT_MS = 60_000;

async function addressOf(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    const listening = /listening on (http:\/\/[^\s,]+)/.exec(output());
    if (listening) return listening[1]!;
    if (child.exitCode !== null) throw new Error(`the platform exited with ${child.exitCode}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`the platform did not say where it listens in ${STARTUP_LIMIT_MS / 1000} s:\n${output()}`);
    await pause(50);
  }
}

async function waitForHealth(api: HttpClient, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    try {
      if ((await api.get('/health')).status === 200) return;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`the platform did not become healthy:\n${output()}`);
    await pause(100);
  }
}

/** SIGTERM (the platform closes its stores), SIGKILL if it has not exited after 10 s. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
