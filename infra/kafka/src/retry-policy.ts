/** How a failing message is retried: the partition waits behind it, and the wait grows up to a ceiling. */
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
