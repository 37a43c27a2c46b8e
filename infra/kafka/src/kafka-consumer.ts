import { backoffDelay, ConsumerStuckError, describeError, type BusLogger, type RetryPolicy } from '@aftersales/kernel';
import type { BusMessage, ConsumerHandle, MessageHandler, OutgoingMessage } from '@aftersales/kernel';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { deadLetterOf, defaultDeadLetterTopic, type DeadLetterPolicy } from './dead-letter';
import { toBusMessage } from './message-codec';
import { ProgressBell } from './progress-bell';
import { committedOffsets, endOffsets, lagOf, partitionKey, positionOf, type PartitionKey } from './topic-offsets';

export interface ConsumerTuning {
  /** The broker drops a member it has not heard from for this long. Default 30000 (kafkajs' default). */
  sessionTimeoutMs: number;
  /** Heartbeats go out this often, also while a slow handler runs. Default 3000. */
  heartbeatIntervalMs: number;
  /**
   * Longest wait of one fetch for new data. A partition resumed after a failure's backoff is fetched again once the
   * fetch in flight returns, so this bounds the extra delay of a retry. Default 500.
   */
  maxWaitTimeMs: number;
  /** Partitions handled at the same time (each partition is still one message at a time). Default 16. */
  maxConcurrentPartitions: number;
}

export interface KafkaConsumerDeps {
  kafka: Kafka;
  admin: Admin;
  retry: RetryPolicy;
  deadLetter: DeadLetterPolicy | undefined;
  publish: (topic: string, messages: OutgoingMessage[]) => Promise<void>;
  logger: BusLogger;
  tuning: ConsumerTuning;
  now: () => number;
}

interface PartitionFailure {
  offset: number;
  attempts: number;
  error: unknown;
}

type Delivery = 'handled' | 'failed' | 'stopped';

/** drain() re-reads the group's committed offsets from the broker this often when nothing happened locally. */
const BROKER_RECHECK_MS = 250;

/**
 * A consumer group member on kafkajs. Each partition is handled one message at a time, in offset order; a message's
 * offset is committed (offset + 1) only after the handler resolved. A failing message is not skipped: its partition
 * is paused for a growing backoff and fetched again from that message, while the other partitions go on. With a
 * dead-letter policy, a message that failed `afterAttempts` times goes to the dead-letter topic and is committed.
 */
export class KafkaConsumer implements ConsumerHandle {
  private readonly abort = new AbortController();
  private readonly progress = new ProgressBell();
  /** Offsets this member committed: drain() needs no broker round trip for its own partitions. */
  private readonly committedHere = new Map<PartitionKey, number>();
  private readonly failures = new Map<PartitionKey, PartitionFailure>();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  private failuresSoFar = 0;
  /** Rejoins in a row without a message handled since: sets the backoff of the next one. */
  private rejoinsInARow = 0;
  private rejoining: Promise<void> | undefined;
  /** Members kafkajs crashed without restarting them. */
  private readonly givenUp = new WeakSet<Consumer>();
  private stopping: Promise<void> | undefined;
  private consumer: Consumer;

  private constructor(
    readonly groupId: string,
    readonly topics: string[],
    private readonly concurrentPartitions: number,
    private readonly handler: MessageHandler,
    private readonly deps: KafkaConsumerDeps,
    private readonly onStopped: () => void,
  ) {
    this.consumer = this.newMember();
  }

  /** Joins the group (topics must exist) and starts consuming; resolves once the member has joined. */
  static async start(
    groupId: string,
    topics: string[],
    concurrentPartitions: number,
    handler: MessageHandler,
    deps: KafkaConsumerDeps,
    onStopped: () => void,
  ): Promise<KafkaConsumer> {
    const member = new KafkaConsumer(groupId, topics, concurrentPartitions, handler, deps, onStopped);
    try {
      await member.run(member.consumer);
    } catch (error) {
      await member.stop();
      throw error;
    }
    return member;
  }

  /**
   * Resolves when the group's committed offsets reach the end offsets the partitions had when drain() was called.
   * Rejects with ConsumerStuckError when a message it waits for has failed `drainFailsAfterAttempts` times and
   * failed again during this drain (the consumer keeps retrying it).
   */
  async drain(): Promise<void> {
    const targets = await endOffsets(this.deps.admin, this.topics);
    const failuresAtStart = this.failuresSoFar;
    let fromBroker = await committedOffsets(this.deps.admin, this.groupId, this.topics);
    for (;;) {
      if (this.abort.signal.aborted) throw new Error(`consumer of group '${this.groupId}' stopped before draining`);
      const behind = [...targets].filter(([key, ends]) => positionOf(this.latestCommitted(key, fromBroker), ends) < ends.high);
      if (behind.length === 0) return;
      if (this.failuresSoFar > failuresAtStart) {
        for (const [key] of behind) {
          const failure = this.failures.get(key);
          if (failure && failure.attempts >= this.deps.retry.drainFailsAfterAttempts) {
            const [topic, partition] = splitKey(key);
            throw new ConsumerStuckError(this.groupId, topic, partition, failure.offset, failure.attempts, failure.error);
          }
        }
      }
      // Partitions of this group handled by other members (other processes) commit where only the broker sees it.
      if (!(await this.progress.next(BROKER_RECHECK_MS))) {
        fromBroker = await committedOffsets(this.deps.admin, this.groupId, this.topics);
      }
    }
  }

  async lag(): Promise<number> {
    const [ends, committed] = await Promise.all([
      endOffsets(this.deps.admin, this.topics),
      committedOffsets(this.deps.admin, this.groupId, this.topics),
    ]);
    return lagOf(ends, committed);
  }

  /** Lets an in-flight handler finish and commit, then leaves the group (its partitions go to the other members). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.abort.abort();
      for (const timer of this.resumeTimers) clearTimeout(timer);
      this.resumeTimers.clear();
      this.progress.ring();
      await this.rejoining;
      try {
        await this.consumer.disconnect();
      } catch (error) {
        this.deps.logger.warn(`bus: consumer of group '${this.groupId}' did not disconnect cleanly: ${describeError(error)}`);
      } finally {
        this.onStopped();
      }
    })();
    return this.stopping;
  }

  private newMember(): Consumer {
    const { tuning } = this.deps;
    const consumer = this.deps.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: tuning.sessionTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.deps.logger.error(
        `bus: consumer of group '${this.groupId}' crashed (kafkajs restarts it: ${payload.restart}): ${describeError(payload.error)}`,
      );
      if (payload.restart) return;
      this.givenUp.add(consumer);
      if (consumer === this.consumer) this.rejoinLater();
    });
    return consumer;
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.concurrentPartitions,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /**
   * kafkajs gives up on a member after errors it deems final, some of which a broker restart causes (e.g. the group
   * coordinator not found while the broker starts). A process must not stop consuming for that: after a backoff the
   * member is replaced by a new one, which rejoins the group and goes on from the committed offsets.
   */
  private rejoinLater(): void {
    if (this.abort.signal.aborted || this.rejoining) return;
    this.rejoining = this.rejoin().finally(() => {
      this.rejoining = undefined;
      this.progress.ring();
    });
  }

  private async rejoin(): Promise<void> {
    while (!this.abort.signal.aborted) {
      this.rejoinsInARow += 1;
      const delay = backoffDelay(this.deps.retry, this.rejoinsInARow);
      this.deps.logger.warn(`bus: group '${this.groupId}' rejoins with a new member in ${delay} ms (rejoin ${this.rejoinsInARow} in a row)`);
      await this.abortableSleep(delay);
      if (this.abort.signal.aborted) return;
      await this.consumer.disconnect().catch(() => undefined);
      const member = this.newMember();
      this.consumer = member;
      try {
        // kafkajs reports a failed join as a crash (see newMember), not by rejecting run()
        await this.run(member);
        if (!this.givenUp.has(member)) return;
      } catch (error) {
        this.deps.logger.error(`bus: group '${this.groupId}' could not rejoin: ${describeError(error)}`);
      }
    }
  }

  private abortableSleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.resumeTimers.delete(timer);
        this.abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.resumeTimers.add(timer);
      this.abort.signal.addEventListener('abort', done, { once: true });
    });
  }

  private latestCommitted(key: PartitionKey, fromBroker: Map<PartitionKey, number>): number | undefined {
    const here = this.committedHere.get(key);
    const there = fromBroker.get(key);
    if (here === undefined) return there;
    return there === undefined ? here : Math.max(here, there);
  }

  private async handleBatch({
    batch,
    resolveOffset,
    commitOffsetsIfNecessary,
    heartbeat,
    pause,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    for (const record of batch.messages) {
      if (this.abort.signal.aborted || !isRunning() || isStale()) return;
      const message = toBusMessage(topic, partition, record);
      const outcome = await this.deliver(message, heartbeat);
      if (outcome === 'stopped') return;
      if (outcome === 'failed') {
        // Leave it uncommitted and unresolved: after the backoff the partition is fetched again from this message.
        this.resumeAfter(backoffDelay(this.deps.retry, this.failures.get(partitionKey(topic, partition))?.attempts ?? 1), pause());
        return;
      }
      // Directly, not consumer.commitOffsets(): that one silently skips the commit once stop() has begun. If the
      // commit fails, the error goes to kafkajs (it rejoins or refetches) and, unresolved, the message comes again.
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: String(message.offset + 1) }] }] });
      resolveOffset(record.offset);
      this.committedHere.set(partitionKey(topic, partition), message.offset + 1);
      this.rejoinsInARow = 0;
      this.progress.ring();
      await heartbeat();
    }
  }

  /** One attempt: the handler (kept alive by heartbeats), or the dead-letter topic once the policy says so. */
  private async deliver(message: BusMessage, heartbeat: () => Promise<void>): Promise<Delivery> {
    const key = partitionKey(message.topic, message.partition);
    const keepAlive = setInterval(() => heartbeat().catch(() => undefined), this.deps.tuning.heartbeatIntervalMs);
    try {
      await this.handler(message);
      this.failures.delete(key);
      return 'handled';
    } catch (error) {
      if (this.abort.signal.aborted) return 'stopped';
      const failure = this.recordFailure(key, message, error);
      const { deadLetter } = this.deps;
      if (deadLetter && failure.attempts >= deadLetter.afterAttempts) return this.sendToDeadLetter(message, failure, deadLetter);
      const delay = backoffDelay(this.deps.retry, failure.attempts);
      const text =
        `bus: group '${this.groupId}' failed on ${message.topic}[${message.partition}]@${message.offset} ` +
        `(attempt ${failure.attempts}); redelivering in ${delay} ms: ${describeError(error)}`;
      if (failure.attempts >= this.deps.retry.drainFailsAfterAttempts) this.deps.logger.error(text);
      else this.deps.logger.warn(text);
      return 'failed';
    } finally {
      clearInterval(keepAlive);
    }
  }

  private recordFailure(key: PartitionKey, message: BusMessage, error: unknown): PartitionFailure {
    const previous = this.failures.get(key);
    const attempts = previous?.offset === message.offset ? previous.attempts + 1 : 1;
    const failure = { offset: message.offset, attempts, error };
    this.failures.set(key, failure);
    this.failuresSoFar += 1;
    this.progress.ring();
    return failure;
  }

  private async sendToDeadLetter(message: BusMessage, failure: PartitionFailure, policy: DeadLetterPolicy): Promise<Delivery> {
    const topic = (policy.topicOf ?? defaultDeadLetterTopic)(message.topic);
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    try {
      await this.deps.publish(topic, [deadLetterOf(message, this.groupId, failure.attempts, failure.error, new Date(this.deps.now()))]);
    } catch (error) {
      this.deps.logger.error(
        `bus: group '${this.groupId}' could not dead-letter ${where} to ${topic}; retrying it: ${describeError(error)}`,
      );
      return 'failed';
    }
    this.deps.logger.error(
      `bus: group '${this.groupId}' dead-lettered ${where} to ${topic} after ${failure.attempts} attempts: ${describeError(failure.error)}`,
    );
    this.failures.delete(partitionKey(message.topic, message.partition));
    return 'handled';
  }

  private resumeAfter(delayMs: number, resume: () => void): void {
    if (this.abort.signal.aborted) return;
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      if (!this.abort.signal.aborted) resume();
    }, delayMs);
    this.resumeTimers.add(timer);
  }
}

function splitKey(key: PartitionKey): [string, number] {
  const at = key.lastIndexOf('|');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}
