/** What every bus adapter's consumers share: how they log, how they retry a failing message, how drain() gives up. */

export interface BusLogger {
  warn(message: string): void;
  error(message: string): void;
}

export const consoleBusLogger: BusLogger = {
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** How a failing message is retried: it is never skipped silently, only delayed, and the delay grows up to a ceiling. */
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

/** drain() gives up (the consumer itself keeps retrying) when a message it waits for keeps failing. */
export class ConsumerStuckError extends Error {
  constructor(
    readonly groupId: string,
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`group '${groupId}' is stuck on ${topic}[${partition}]@${offset} after ${attempts} attempts: ${describeError(lastError)}`);
    this.name = 'ConsumerStuckError';
  }
}
