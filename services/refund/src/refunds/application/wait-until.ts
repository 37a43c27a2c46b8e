export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
}

/**
 * Polls `read` until `done` holds or the time is up, and returns the last value read. Used for read models that are
 * fed asynchronously (order facts, the refunds projection); it never waits for the whole platform to settle, which
 * would deadlock inside a bus consumer.
 */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
