import { resolve } from 'node:path';

export interface RuntimeConfig {
  port: number;
  host: string;
  dataDir: string;
  clock: 'system' | 'manual';
  /** Start of a manual clock (ISO); defaults to the wall clock at first start. */
  manualClockStart?: string;
  /** How often the scheduler looks for due timers on the system clock. */
  timerPollMs: number;
}

/** Reads the environment: PORT, HOST, AFTERSALES_DATA_DIR, AFTERSALES_CLOCK, AFTERSALES_CLOCK_START, AFTERSALES_TIMER_POLL_MS. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const clock = env.AFTERSALES_CLOCK ?? 'system';
  if (clock !== 'system' && clock !== 'manual') throw new Error(`AFTERSALES_CLOCK must be system or manual, not ${clock}`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.AFTERSALES_DATA_DIR ?? 'data'),
    clock,
    manualClockStart: env.AFTERSALES_CLOCK_START,
    timerPollMs: Number(env.AFTERSALES_TIMER_POLL_MS ?? 1000),
  };
}
