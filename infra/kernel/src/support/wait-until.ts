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

/**
 * Reads a view that a consumer group feeds from the bus. While the value is not ready, it waits (bounded) only as long
 * as the group is behind: the lag is read before the value, so a lag of 0 means the value read after it reflects every
 * event published (and, embedded, committed) before that moment — an unknown id is then unknown, answered at once.
 */
export async function readFedView<T>(read: () => Promise<T>, ready: (value: T) => boolean, lag: () => Promise<number>, options: WaitOptions): Promise<T> {
  const seen = await waitUntil(
    async () => {
      const behind = await lag();
      return { behind, value: await read() };
    },
    ({ behind, value }) => ready(value) || behind === 0,
    options,
  );
  return seen.value;
}
