/** How failed provider attempts are retried: exponential backoff from baseDelayMs, capped, then given up. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts the payout is given up (PayoutFailed) and left to finance. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 20 };

/** Delay before attempt `failedAttempt + 1`: base × 2^(failedAttempt − 1), at most maxDelayMs. */
export const retryDelayMs = (failedAttempt: number, policy: RetryPolicy): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, Math.max(0, failedAttempt - 1)));
