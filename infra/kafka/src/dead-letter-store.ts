import type { BusMessage } from '@aftersales/kernel';
import { Kafka, Partitioners, logLevel, type IHeaders, type Message } from 'kafkajs';
import { DeadLetterHeader } from './dead-letter';
import { toBusMessage } from './message-codec';
import { retryRetriable } from './retry-retriable';

/**
 * One dead letter as the tools show it: where it failed, why, and the original message. Topic, partition and offset
 * are its place on the dead-letter topic.
 */
export interface DeadLetter extends Omit<BusMessage, 'timestamp'> {
  /** The original message's headers (without the dlq-* ones). */
  headers: Record<string, string>;
  group: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: number;
  attempts: number;
  error: string;
  failedAt: string;
}

const DLQ_HEADERS = new Set<string>(Object.values(DeadLetterHeader));

/** `<topic>.dlq` for a topic, the name itself for a dead-letter topic. */
export const deadLetterTopicOf = (topic: string): string => (topic.endsWith('.dlq') ? topic : `${topic}.dlq`);

/** Dead-letter topics on the broker and how many messages each keeps. */
export async function listDeadLetterTopics(kafka: Kafka): Promise<Array<{ topic: string; messages: number }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.endsWith('.dlq')).sort();
    return await Promise.all(
      topics.map(async (topic) => {
        const offsets = await retryRetriable(() => admin.fetchTopicOffsets(topic));
        return { topic, messages: offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0) };
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

export interface ReadOptions {
  /** Only dead letters of this failing consumer group. */
  group?: string;
  /**
   * Consumer group that remembers how far this reader got (committed after `each` resolved): the next read starts
   * after it. Without it every read starts at the beginning and remembers nothing.
   */
  progressGroup?: string;
}

/**
 * Reads a dead-letter topic from where the reader stands up to its end as it was when the read began, calling `each`
 * per dead letter in partition order. Resolves with how many it passed to `each`.
 */
export async function readDeadLetters(kafka: Kafka, topic: string, options: ReadOptions, each: (letter: DeadLetter) => Promise<void>): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = options.progressGroup ?? `aftersales-dlq-reader-${process.pid}-${Date.now()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  let count = 0;
  try {
    const ends = new Map((await retryRetriable(() => admin.fetchTopicOffsets(topic))).map(({ partition, high }) => [partition, Number(high)]));
    const committed = new Map<number, number>();
    for (const { partitions } of await admin.fetchOffsets({ groupId, topics: [topic] })) {
      for (const { partition, offset } of partitions) committed.set(partition, Number(offset));
    }
    const remaining = new Set([...ends].filter(([partition, high]) => Math.max(committed.get(partition) ?? 0, 0) < high).map(([partition]) => partition));
    if (remaining.size === 0) return 0;

    let finish!: () => void;
    let fail!: (error: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        try {
          const offset = Number(message.offset);
          const high = ends.get(partition) ?? 0;
          if (offset < high) {
            const letter = deadLetterOf(toBusMessage(topic, partition, message));
            if (options.group === undefined || letter.group === options.group) {
              await each(letter);
              count += 1;
            }
            if (options.progressGroup) await consumer.commitOffsets([{ topic, partition, offset: String(offset + 1) }]);
          }
          if (offset + 1 >= high && remaining.delete(partition) && remaining.size === 0) finish();
        } catch (error) {
          fail(error);
          throw error;
        }
      },
    });
    await done;
    return count;
  } finally {
    await consumer.disconnect();
    if (!options.progressGroup) await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Publishes dead letters again to their original topics; close it when done. */
export interface DeadLetterReplayer {
  replay(letter: DeadLetter): Promise<void>;
  close(): Promise<void>;
}

/** The dead letters on a broker as the operator's tools (`pnpm dlq`) see them: list, read, replay. */
export class DeadLetterStore {
  private readonly kafka: Kafka;

  constructor(brokers: string[], clientId = 'aftersales-dlq') {
    this.kafka = new Kafka({ clientId, brokers, logLevel: logLevel.ERROR });
  }

  list(): Promise<Array<{ topic: string; messages: number }>> {
    return listDeadLetterTopics(this.kafka);
  }

  read(topic: string, options: ReadOptions, each: (letter: DeadLetter) => Promise<void>): Promise<number> {
    return readDeadLetters(this.kafka, topic, options, each);
  }

  /** Each dead letter goes back to its original topic with its original key and headers, one at a time, acknowledged by every replica. */
  async openReplayer(): Promise<DeadLetterReplayer> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return {
      replay: async (letter) => void (await producer.send({ topic: letter.originalTopic, acks: -1, messages: [originalMessageOf(letter)] })),
      close: () => producer.disconnect(),
    };
  }
}

/** The original message of a dead letter, as it was first published: same key, value and headers. */
export function originalMessageOf(letter: DeadLetter): Message {
  const headers: IHeaders = { ...letter.headers };
  return { key: letter.key, value: letter.value, headers };
}

function deadLetterOf(message: ReturnType<typeof toBusMessage>): DeadLetter {
  const headers = Object.fromEntries(Object.entries(message.headers).filter(([name]) => !DLQ_HEADERS.has(name)));
  const h = message.headers;
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers,
    group: h[DeadLetterHeader.group] ?? '',
    originalTopic: h[DeadLetterHeader.topic] ?? message.topic.replace(/\.dlq$/, ''),
    originalPartition: Number(h[DeadLetterHeader.partition] ?? -1),
    originalOffset: Number(h[DeadLetterHeader.offset] ?? -1),
    attempts: Number(h[DeadLetterHeader.attempts] ?? 0),
    error: h[DeadLetterHeader.error] ?? '',
    failedAt: h[DeadLetterHeader.failedAt] ?? '',
  };
}
