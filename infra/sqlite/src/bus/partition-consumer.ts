import type { BusMessage, MessageHandler } from '@aftersales/kernel';
import type { BusStorage } from './bus-storage';
import { backoffDelay, describeError, type BusLogger, type RetryPolicy } from '@aftersales/kernel';
import type { ProgressBell } from './progress-bell';
import type { PublishSignal } from './publish-signal';
import { sleep } from './abortable-sleep';

export interface PartitionFailure {
  offset: number;
  attempts: number;
  error: unknown;
}

export interface PartitionConsumerDeps {
  storage: BusStorage;
  signal: PublishSignal;
  progress: ProgressBell;
  retry: RetryPolicy;
  logger: BusLogger;
  fetchBatchSize: number;
  idlePollMs: number;
}

/**
 * One group's cursor on one partition: delivers messages strictly in offset order, one at a time, and commits
 * each offset only after the handler resolved. A failing message is retried with backoff until it succeeds or the
 * consumer stops; it is never skipped, so the partition waits behind it.
 */
export class PartitionConsumer {
  private nextOffset: number;
  private currentFailure: PartitionFailure | undefined;
  private failuresSoFar = 0;

  constructor(
    readonly groupId: string,
    readonly topic: string,
    readonly partition: number,
    private readonly handler: MessageHandler,
    private readonly deps: PartitionConsumerDeps,
  ) {
    this.nextOffset = deps.storage.committedOffset(groupId, topic, partition);
  }

  /** The committed position: the offset of the next message to deliver. */
  get committed(): number {
    return this.nextOffset;
  }

  /** The message the partition is blocked on, while its handler keeps failing. */
  get failure(): PartitionFailure | undefined {
    return this.currentFailure;
  }

  /** Failed handler calls since the consumer started: lets drain() tell a new failure from an old one. */
  get failureCount(): number {
    return this.failuresSoFar;
  }

  async run(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      try {
        await this.deliverAvailable(stop);
      } catch (error) {
        // The storage failed (a handler's errors never get here): the uncommitted message will be delivered again.
        this.deps.logger.error(`bus: group '${this.groupId}' on ${this.topic}[${this.partition}]: ${describeError(error)}`);
        await sleep(this.deps.retry.initialDelayMs, stop);
      }
    }
  }

  private async deliverAvailable(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      const batch = this.deps.storage.fetch(this.topic, this.partition, this.nextOffset, this.deps.fetchBatchSize);
      if (batch.length === 0) {
        await this.deps.signal.wait([this.topic], this.deps.idlePollMs, stop);
        continue;
      }
      for (const message of batch) {
        if (stop.aborted || !(await this.deliver(message, stop))) return;
        this.deps.storage.commit(this.groupId, this.topic, this.partition, message.offset + 1);
        this.nextOffset = message.offset + 1;
        this.deps.progress.ring();
      }
    }
  }

  /** True once the handler succeeded; false when the consumer stopped while the message was still failing. */
  private async deliver(message: BusMessage, stop: AbortSignal): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handler(message);
        this.currentFailure = undefined;
        return true;
      } catch (error) {
        this.currentFailure = { offset: message.offset, attempts: attempt, error };
        this.failuresSoFar += 1;
        this.deps.progress.ring();
        const delay = backoffDelay(this.deps.retry, attempt);
        const text =
          `bus: group '${this.groupId}' failed on ${this.topic}[${this.partition}]@${message.offset} ` +
          `(attempt ${attempt}); redelivering in ${delay} ms: ${describeError(error)}`;
        if (attempt >= this.deps.retry.drainFailsAfterAttempts) this.deps.logger.error(text);
        else this.deps.logger.warn(text);
        await sleep(delay, stop);
        if (stop.aborted) return false;
      }
    }
  }
}
