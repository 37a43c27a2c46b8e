import { consoleBusLogger, defaultRetryPolicy, type BusLogger, type RetryPolicy } from '@aftersales/kernel';
import type { CheckpointStore, ConsumerHandle, MessageBus, MessageHandler, OutgoingMessage } from '@aftersales/kernel';
import { BusStorage } from './bus-storage';
import { PartitionConsumer } from './partition-consumer';
import { ProgressBell } from './progress-bell';
import { PublishSignal } from './publish-signal';
import { openDatabase, type Durability, type SqliteDatabase } from '../database/open-database';
import { createBusSchema } from './schema';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteConsumer } from './sqlite-consumer';

export interface SqliteMessageBusOptions {
  /** Path of the bus database (its own file, e.g. `data/bus.db`), or `:memory:`. */
  filename: string;
  /** Partitions of a topic created on first use; an existing topic keeps its count. Default 4. */
  partitions?: number;
  retry?: Partial<RetryPolicy>;
  /** Messages read per partition per query. Default 100. */
  fetchBatchSize?: number;
  /** An idle partition re-reads after this long even without an in-process publish (another process may write). Default 1000. */
  idlePollMs?: number;
  logger?: BusLogger;
  /** fsync on every commit (FULL) or not (NORMAL, the default; see the constructor). */
  durability?: Durability;
  /** Source of the infrastructure timestamps (published_at, committed_at). */
  now?: () => number;
}

/**
 * Kafka's semantics on one SQLite file: topics with a fixed number of partitions chosen by key, per-partition
 * offsets, consumer groups whose committed offsets survive restarts, at-least-once delivery.
 */
export class SqliteMessageBus implements MessageBus {
  /** Durable checkpoints in the same database, for the publisher that feeds this bus from the event log. */
  readonly checkpoints: CheckpointStore;
  private readonly db: SqliteDatabase;
  private readonly storage: BusStorage;
  private readonly signal = new PublishSignal();
  private readonly retry: RetryPolicy;
  private readonly consumers = new Set<SqliteConsumer>();
  /** `group\u0000topic` pairs consumed right now: one consumer per group and topic, as a Kafka group has. */
  private readonly activeAssignments = new Set<string>();
  private closing: Promise<void> | undefined;

  constructor(private readonly options: SqliteMessageBusOptions) {
    const partitions = options.partitions ?? 4;
    if (!Number.isInteger(partitions) || partitions < 1) throw new RangeError('partitions must be a positive integer');
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    // NORMAL by default: everything here is derived from the event log (the publisher's checkpoint commits with the
    // messages) and delivery is at-least-once, so a power cut that drops the last commits only redelivers messages,
    // which consumers dedupe by event id. A process crash (kill -9) loses nothing either way.
    this.db = openDatabase(options.filename, options.durability ?? 'NORMAL');
    createBusSchema(this.db);
    this.storage = new BusStorage(this.db, partitions, options.now ?? Date.now);
    this.checkpoints = new SqliteCheckpointStore(this.storage);
  }

  /** Creates a topic with an explicit partition count; refuses to change the count of an existing topic. */
  async createTopic(topic: string, partitions: number): Promise<void> {
    this.assertOpen();
    const count = this.storage.ensureTopic(topic, partitions);
    if (count !== partitions) throw new Error(`topic ${topic} already exists with ${count} partitions`);
  }

  async partitionCount(topic: string): Promise<number> {
    this.assertOpen();
    return this.storage.ensureTopic(topic);
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    const normalized = messages.map((message) => ({ ...message, headers: message.headers ?? {} }));
    normalized.forEach(assertValidMessage);
    if (normalized.length === 0) return;
    this.storage.append(topic, normalized);
    this.signal.notify(topic);
  }

  async subscribe(groupId: string, topics: string[], handler: MessageHandler): Promise<ConsumerHandle> {
    this.assertOpen();
    if (groupId.length === 0) throw new Error('a consumer group id must not be empty');
    const uniqueTopics = [...new Set(topics)];
    if (uniqueTopics.length === 0) throw new Error('subscribe needs at least one topic');
    const assignments = uniqueTopics.map((topic) => `${groupId}\u0000${topic}`);
    const taken = uniqueTopics.filter((_, i) => this.activeAssignments.has(assignments[i]));
    if (taken.length > 0) throw new Error(`group '${groupId}' already consumes ${taken.join(', ')} on this bus`);

    const progress = new ProgressBell();
    const deps = {
      storage: this.storage,
      signal: this.signal,
      progress,
      retry: this.retry,
      logger: this.options.logger ?? consoleBusLogger,
      fetchBatchSize: this.options.fetchBatchSize ?? 100,
      idlePollMs: this.options.idlePollMs ?? 1000,
    };
    const partitions = uniqueTopics.flatMap((topic) =>
      Array.from(
        { length: this.storage.ensureTopic(topic) },
        (_, partition) => new PartitionConsumer(groupId, topic, partition, handler, deps),
      ),
    );
    assignments.forEach((a) => this.activeAssignments.add(a));
    const consumer = new SqliteConsumer(groupId, partitions, this.storage, progress, this.retry.drainFailsAfterAttempts, () => {
      assignments.forEach((a) => this.activeAssignments.delete(a));
      this.consumers.delete(consumer);
    });
    this.consumers.add(consumer);
    return consumer;
  }

  async rewind(groupId: string, topics: string[]): Promise<void> {
    this.assertOpen();
    const uniqueTopics = [...new Set(topics)];
    if (uniqueTopics.some((topic) => this.activeAssignments.has(`${groupId}\u0000${topic}`))) {
      throw new Error(`group '${groupId}' is consuming on this bus: stop it before rewinding`);
    }
    this.storage.rewind(groupId, uniqueTopics);
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    this.assertOpen();
    return this.storage.lag(groupId, [...new Set(topics)]);
  }

  /** Stops every consumer (letting in-flight handlers finish and commit), then closes the database. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
      this.db.close();
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the message bus is closed');
  }
}

function assertValidMessage(message: OutgoingMessage): void {
  if (typeof message.key !== 'string') throw new TypeError('a message key must be a string');
  if (typeof message.value !== 'string') throw new TypeError('a message value must be a string');
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value !== 'string') throw new TypeError(`header ${name} must be a string`);
  }
}
