import { describeError } from './bus-logger';

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
