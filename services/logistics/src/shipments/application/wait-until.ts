export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
  /** Real-time pause between polls (infrastructure latency, not business time: the manual clock does not apply). */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until `done` holds or the time is up, and returns the last value seen either way: the caller
 * decides what a value that never became ready means.
 */
export async function waitUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, options: WaitOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const deadline = Date.now() + options.timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await sleep(options.intervalMs);
    value = await probe();
  }
  return value;
}
