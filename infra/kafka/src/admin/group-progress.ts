import { Kafka, logLevel } from 'kafkajs';
import { committedOffsets, endOffsets, positionOf } from '../topic-offsets';

/** How far a consumer group got on its topics: the sum of its committed positions and of the end offsets. */
export async function groupProgress(brokers: string[], groupId: string, topics: string[]): Promise<{ committed: number; end: number }> {
  const admin = new Kafka({ clientId: 'aftersales-group-progress', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const [ends, committed] = await Promise.all([endOffsets(admin, topics), committedOffsets(admin, groupId, topics)]);
    let position = 0;
    let end = 0;
    for (const [key, partitionEnds] of ends) {
      position += positionOf(committed.get(key), partitionEnds);
      end += partitionEnds.high;
    }
    return { committed: position, end };
  } finally {
    await admin.disconnect();
  }
}
