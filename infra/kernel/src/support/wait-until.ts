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
 * Reads a view that a consumer group feeds from the bus. While the document is missing, it waits (bounded) only as long
 * as the group is behind: the lag is read before the document, so a lag of 0 means the read after it reflects every
 * event on the bus (and, embedded, committed) before that moment — an unknown id is then unknown, answered at once.
 * A document that is there but not `ready` yet (an order not paid yet) is waited for up to the bound, lag or not: in
 * multi-process mode the event that makes it ready may still be in its service's log, where no lag counts it.
 */
export async function readFedView<T>(
  read: () => Promise<T | undefined>,
  ready: (value: T | undefined) => boolean,
  lag: () => Promise<number>,
  options: WaitOptions,
): Promise<T | undefined> {
  const seen = await waitUntil(
    async () => {
      const behind = await lag();
      return { behind, value: await read() };
    },
    ({ behind, value }) => ready(value) || (value === undefined && behind === 0),
    options,
  );
  return seen.value;
}
