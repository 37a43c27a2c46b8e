import type { ConsumerHandle, MessageBus, MessageHandler, OutgoingMessage } from '@aftersales/kernel';
import { Kafka, Partitioners, logLevel, type Admin, type Producer, type RetryOptions } from 'kafkajs';
import { consoleBusLogger, defaultRetryPolicy, describeError, type BusLogger, type RetryPolicy } from '@aftersales/kernel';
import { kafkajsLogCreator } from './kafkajs-log';
import type { DeadLetterPolicy } from './dead-letter';
import { KafkaConsumer, type ConsumerTuning } from './kafka-consumer';
import { toKafkaMessage } from './message-codec';
import { retryRetriable } from './retry-retriable';
import { committedOffsets, endOffsets, lagOf } from './topic-offsets';

export interface KafkaMessageBusOptions {
  /** Bootstrap brokers, e.g. `['127.0.0.1:9092']` (see brokersFromEnv). */
  brokers: string[];
  /** Names this process in the broker's logs and metrics. Default `aftersales`. */
  clientId?: string;
  /** Partitions of a topic this bus creates on first use; an existing topic keeps its count. Default 4. */
  partitions?: number;
  /** Replication factor of topics this bus creates. Default: the broker's `default.replication.factor`. */
  replicationFactor?: number;
  /**
   * Topic configs of topics this bus creates, e.g. `{ 'retention.ms': '-1' }` to keep every event; an existing topic
   * keeps its own. Default: the broker's defaults.
   */
  topicConfig?: Record<string, string>;
  /** Backoff of a failing message (the partition waits behind it). */
  retry?: Partial<RetryPolicy>;
  /** Without it a failing message is retried until it succeeds; with it, it is dead-lettered after `afterAttempts`. */
  deadLetter?: DeadLetterPolicy;
  consumer?: Partial<ConsumerTuning>;
  /** kafkajs' retry of requests to the broker (reconnects, leader changes). */
  connectionRetry?: RetryOptions;
  logger?: BusLogger;
  /** Source of infrastructure timestamps (a dead letter's `dlq-failed-at`). */
  now?: () => number;
}

const defaultTuning: ConsumerTuning = {
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  maxWaitTimeMs: 500,
  maxConcurrentPartitions: 16,
};

/**
 * The MessageBus port on Apache Kafka. The producer is idempotent (acks from all in-sync replicas, one request in
 * flight, so a retried send neither duplicates nor reorders); the partition of a message is Kafka's default
 * (murmur2 of the key), so every message of one order id lands on one partition, in publish order. Topics are
 * created on first use. Consumers commit each offset after its handler resolved (see KafkaConsumer).
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private producer: Producer;
  private readonly retry: RetryPolicy;
  private readonly tuning: ConsumerTuning;
  private readonly logger: BusLogger;
  private readonly topics = new Map<string, Promise<void>>();
  private readonly consumers = new Set<KafkaConsumer>();
  /** Groups consuming through this bus: one member per group per bus (kafkajs assigns every topic of a group to each member). */
  private readonly activeGroups = new Set<string>();
  private connecting: Promise<void> | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: KafkaMessageBusOptions) {
    if (options.brokers.length === 0) throw new Error('KafkaMessageBus needs at least one broker address');
    const partitions = options.partitions ?? 4;
    if (!Number.isInteger(partitions) || partitions < 1) throw new RangeError('partitions must be a positive integer');
    this.logger = options.logger ?? consoleBusLogger;
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.tuning = { ...defaultTuning, ...options.consumer };
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'aftersales',
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkajsLogCreator(this.logger),
      retry: options.connectionRetry,
    });
    this.admin = this.kafka.admin();
    this.producer = this.newProducer();
  }

  /** Connects the producer and the admin client; publish and subscribe call it, call it early to fail fast. */
  connect(): Promise<void> {
    this.assertOpen();
    this.connecting ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(
      () => undefined,
      (error: unknown) => {
        this.connecting = undefined;
        throw error;
      },
    );
    return this.connecting;
  }

  /** Creates a topic with an explicit partition count; refuses when it exists with another count. */
  async createTopic(topic: string, partitions: number): Promise<void> {
    await this.connect();
    await this.ensureTopics([topic], partitions);
    const count = await this.partitionCount(topic);
    if (count !== partitions) throw new Error(`topic ${topic} already exists with ${count} partitions`);
  }

  async partitionCount(topic: string): Promise<number> {
    await this.connect();
    await this.ensureTopics([topic]);
    const { topics } = await this.admin.fetchTopicMetadata({ topics: [topic] });
    return topics[0].partitions.length;
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    const records = messages.map(toKafkaMessage);
    if (records.length === 0) return;
    await this.connect();
    await this.ensureTopics([topic]);
    const producer = this.producer;
    try {
      await producer.send({ topic, messages: records, acks: -1 });
    } catch (error) {
      if (lostIdempotentProducerState(error)) this.replaceProducer(producer, error);
      throw error;
    }
  }

  async subscribe(groupId: string, topics: string[], handler: MessageHandler): Promise<ConsumerHandle> {
    this.assertOpen();
    if (groupId.length === 0) throw new Error('a consumer group id must not be empty');
    const uniqueTopics = [...new Set(topics)];
    if (uniqueTopics.length === 0) throw new Error('subscribe needs at least one topic');
    if (this.activeGroups.has(groupId)) {
      throw new Error(`group '${groupId}' already consumes on this bus: subscribe once per group with all its topics`);
    }
    this.activeGroups.add(groupId);
    try {
      await this.connect();
      await this.ensureTopics(uniqueTopics);
      const metadata = await this.admin.fetchTopicMetadata({ topics: uniqueTopics });
      const partitions = metadata.topics.reduce((sum, topic) => sum + topic.partitions.length, 0);
      const consumer = await KafkaConsumer.start(
        groupId,
        uniqueTopics,
        Math.max(1, Math.min(partitions, this.tuning.maxConcurrentPartitions)),
        handler,
        {
          kafka: this.kafka,
          admin: this.admin,
          retry: this.retry,
          deadLetter: this.options.deadLetter,
          publish: (topic, messages) => this.publish(topic, messages),
          logger: this.logger,
          tuning: this.tuning,
          now: this.options.now ?? Date.now,
        },
        () => {
          this.activeGroups.delete(groupId);
          this.consumers.delete(consumer);
        },
      );
      this.consumers.add(consumer);
      return consumer;
    } catch (error) {
      this.activeGroups.delete(groupId);
      throw error;
    }
  }

  /**
   * Kafka refuses to move the offsets of a group with members; this bus refuses earlier for its own consumer. When the
   * topics cover every topic the group committed on, the group is deleted: its next member starts at the log start
   * (our consumers subscribe from the beginning), in one request. Otherwise each topic is reset, which kafkajs does by
   * joining the group for a moment (seconds per topic).
   */
  async rewind(groupId: string, topics: string[]): Promise<void> {
    this.assertOpen();
    if (this.activeGroups.has(groupId)) throw new Error(`group '${groupId}' is consuming on this bus: stop it before rewinding`);
    const uniqueTopics = [...new Set(topics)];
    await this.connect();
    await this.ensureTopics(uniqueTopics);
    const committedOn = (await retryRetriable(() => this.admin.fetchOffsets({ groupId }))).map(({ topic }) => topic);
    if (committedOn.length === 0) return;
    if (committedOn.every((topic) => uniqueTopics.includes(topic))) {
      await whileGroupLeaving(() => this.admin.deleteGroups([groupId]).then(() => undefined));
      return;
    }
    for (const topic of uniqueTopics) {
      await whileGroupLeaving(() => retryRetriable(() => this.admin.resetOffsets({ groupId, topic, earliest: true })));
    }
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    this.assertOpen();
    await this.connect();
    const existing = new Set(await retryRetriable(() => this.admin.listTopics()));
    const uniqueTopics = [...new Set(topics)].filter((topic) => existing.has(topic));
    if (uniqueTopics.length === 0) return 0;
    const [ends, committed] = await Promise.all([endOffsets(this.admin, uniqueTopics), committedOffsets(this.admin, groupId, uniqueTopics)]);
    return lagOf(ends, committed);
  }

  /** Stops every consumer (in-flight handlers finish and commit), then disconnects the producer and the admin client. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
      const results = await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
      for (const result of results) {
        if (result.status === 'rejected') this.logger.warn(`bus: disconnecting from Kafka failed: ${describeError(result.reason)}`);
      }
    })();
    return this.closing;
  }

  /**
   * Creates missing topics once per bus (concurrent callers share the request) and waits until each one answers
   * offset requests. Existing topics are looked up first, so a restart does not make the broker log creation errors.
   */
  private async ensureTopics(topics: string[], partitions = this.options.partitions ?? 4): Promise<void> {
    const missing = topics.filter((topic) => !this.topics.has(topic));
    if (missing.length > 0) {
      const ready = this.createMissing(missing, partitions);
      for (const topic of missing) {
        this.topics.set(
          topic,
          ready.catch((error: unknown) => {
            this.topics.delete(topic);
            throw error;
          }),
        );
      }
    }
    await Promise.all(topics.map((topic) => this.topics.get(topic)));
  }

  private async createMissing(topics: string[], partitions: number): Promise<void> {
    const existing = new Set(await retryRetriable(() => this.admin.listTopics()));
    const toCreate = topics.filter((topic) => !existing.has(topic));
    if (toCreate.length === 0) return;
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: toCreate.map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: this.options.replicationFactor,
        configEntries: Object.entries(this.options.topicConfig ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    // The metadata names a leader a moment before that leader serves the partitions.
    await Promise.all(toCreate.map((topic) => retryRetriable(() => this.admin.fetchTopicOffsets(topic))));
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /**
   * kafkajs keeps using a producer id whose sequence numbers the broker no longer accepts, so every later send would
   * fail the same way. The next send goes through a new producer (a new producer id); the caller's retry may publish
   * a message twice, which consumers dedupe by event id.
   */
  private replaceProducer(broken: Producer, error: unknown): void {
    if (this.producer !== broken || this.closing) return;
    this.logger.warn(`bus: the Kafka producer lost its idempotence state and is replaced: ${describeError(error)}`);
    this.producer = this.newProducer();
    this.connecting = undefined;
    broken.disconnect().catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the message bus is closed');
  }
}

/** A member that just stopped may still be listed for a moment while the coordinator rebalances the group away. */
async function whileGroupLeaving(request: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await request();
    } catch (error) {
      const stillMembers = error instanceof Error && (error.message.includes('must have no running instances') || hasNonEmptyGroup(error));
      if (!stillMembers || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function hasNonEmptyGroup(error: Error): boolean {
  const groups = (error as { groups?: Array<{ error?: { type?: unknown } }> }).groups ?? [];
  return groups.some((group) => group.error?.type === 'NON_EMPTY_GROUP');
}

const PRODUCER_STATE_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_ID_MAPPING']);

/** Whether a send failed because the broker no longer accepts the producer's id or sequence (kafkajs wraps it in causes). */
export function lostIdempotentProducerState(error: unknown): boolean {
  for (let cause = error as { type?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 10; depth++) {
    if (typeof cause.type === 'string' && PRODUCER_STATE_ERRORS.has(cause.type)) return true;
    cause = cause.cause as typeof cause;
  }
  return false;
}

/** Broker addresses from a comma-separated list such as `KAFKA_BROKERS=127.0.0.1:9092,127.0.0.1:9094`. */
export function brokersFromEnv(value: string | undefined = process.env.KAFKA_BROKERS): string[] {
  return (value ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
