import { setMaxListeners } from 'node:events';
import { ConsumerStuckError, type ConsumerHandle } from '@aftersales/kernel';
import type { BusStorage } from './bus-storage';
import type { PartitionConsumer } from './partition-consumer';
import type { ProgressBell } from './progress-bell';

/** A group's subscription: one PartitionConsumer per partition of its topics, running concurrently. */
export class SqliteConsumer implements ConsumerHandle {
  private readonly abort = new AbortController();
  private readonly running: Promise<void>[];
  private stopping: Promise<void> | undefined;

  constructor(
    readonly groupId: string,
    private readonly partitions: PartitionConsumer[],
    private readonly storage: BusStorage,
    private readonly progress: ProgressBell,
    private readonly drainFailsAfterAttempts: number,
    private readonly onStopped: () => void,
  ) {
    // Every idle partition listens on the one stop signal (and removes its listener on wake): bounded, not a leak.
    setMaxListeners(partitions.length + 10, this.abort.signal);
    this.running = partitions.map((consumer) => consumer.run(this.abort.signal));
  }

  /**
   * Rejects with ConsumerStuckError when a message it waits for has failed `drainFailsAfterAttempts` times and
   * failed again during this drain; a handler that was fixed meanwhile gets its retry and drain goes on.
   */
  async drain(): Promise<void> {
    const targets = this.partitions.map((consumer) => this.storage.endOffset(consumer.topic, consumer.partition));
    const failuresAtStart = this.partitions.map((consumer) => consumer.failureCount);
    for (;;) {
      if (this.abort.signal.aborted) throw new Error(`consumer of group '${this.groupId}' stopped before draining`);
      if (this.partitions.every((consumer, i) => consumer.committed >= targets[i])) return;
      const stuck = this.partitions.find(
        (consumer, i) =>
          consumer.committed < targets[i] &&
          consumer.failureCount > failuresAtStart[i] &&
          (consumer.failure?.attempts ?? 0) >= this.drainFailsAfterAttempts,
      );
      if (stuck?.failure) {
        const { offset, attempts, error } = stuck.failure;
        throw new ConsumerStuckError(this.groupId, stuck.topic, stuck.partition, offset, attempts, error);
      }
      await this.progress.next();
    }
  }

  async lag(): Promise<number> {
    return this.partitions.reduce(
      (sum, consumer) =>
        sum +
        this.storage.endOffset(consumer.topic, consumer.partition) -
        this.storage.committedOffset(this.groupId, consumer.topic, consumer.partition),
      0,
    );
  }

  /** Lets an in-flight handler finish (and commits it), then ends every partition loop. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.abort.abort();
      this.progress.ring();
      await Promise.allSettled(this.running);
      this.onStopped();
    })();
    return this.stopping;
  }
}
