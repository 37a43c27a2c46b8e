import type { Admin } from 'kafkajs';
import { retryRetriable } from './retry-retriable';

/** `topic|partition`: Kafka topic names cannot contain `|`. */
export type PartitionKey = string;
export const partitionKey = (topic: string, partition: number): PartitionKey => `${topic}|${partition}`;

export interface PartitionEnds {
  /** Offset of the next message to be written (the high watermark). */
  high: number;
  /** Offset of the oldest message still kept: where a group without a committed offset starts. */
  low: number;
}

/** Where each partition of the topics ends, as the broker sees it now. */
export async function endOffsets(admin: Admin, topics: string[]): Promise<Map<PartitionKey, PartitionEnds>> {
  const ends = new Map<PartitionKey, PartitionEnds>();
  const perTopic = await Promise.all(
    topics.map(async (topic) => ({ topic, offsets: await retryRetriable(() => admin.fetchTopicOffsets(topic)) })),
  );
  for (const { topic, offsets } of perTopic) {
    for (const { partition, high, low } of offsets) ends.set(partitionKey(topic, partition), { high: Number(high), low: Number(low) });
  }
  return ends;
}

/** The group's committed offsets (the next offset to consume); -1 where it never committed. */
export async function committedOffsets(admin: Admin, groupId: string, topics: string[]): Promise<Map<PartitionKey, number>> {
  const committed = new Map<PartitionKey, number>();
  for (const { topic, partitions } of await retryRetriable(() => admin.fetchOffsets({ groupId, topics }))) {
    for (const { partition, offset } of partitions) committed.set(partitionKey(topic, partition), Number(offset));
  }
  return committed;
}

/** Where the group stands on a partition: its committed offset, or the log start when it never committed. */
export const positionOf = (committed: number | undefined, ends: PartitionEnds): number =>
  committed === undefined || committed < 0 ? ends.low : committed;

export function lagOf(ends: Map<PartitionKey, PartitionEnds>, committed: Map<PartitionKey, number>): number {
  let lag = 0;
  for (const [key, partitionEnds] of ends) lag += Math.max(0, partitionEnds.high - positionOf(committed.get(key), partitionEnds));
  return lag;
}
