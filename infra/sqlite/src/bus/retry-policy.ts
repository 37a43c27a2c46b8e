/** How a failing message is retried: it is never skipped, only delayed, and the delay grows up to a ceiling. */
export interface RetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts of one message, drain() of its consumer rejects (delivery goes on). */
  drainFailsAfterAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { initialDelayMs: 100, maxDelayMs: 30_000, drainFailsAfterAttempts: 5 };

export function backoffDelay(policy: RetryPolicy, failedAttempts: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failedAttempts - 1));
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
