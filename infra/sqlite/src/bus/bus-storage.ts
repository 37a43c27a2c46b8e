import type Database from 'better-sqlite3';
import type { BusMessage, OutgoingMessage } from '@aftersales/kernel';
import { partitionForKey } from './murmur2';

interface MessageRow {
  offset: number;
  key: string;
  value: string;
  headers: string;
}

/** Every SQL statement of the bus in one place; the bus, its consumers and the checkpoint store share it. */
export class BusStorage {
  private readonly partitionCounts = new Map<string, number>();
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly defaultPartitions: number,
    private readonly now: () => number,
  ) {
    this.statements = {
      insertTopic: db.prepare('INSERT OR IGNORE INTO bus_topics (topic, partition_count) VALUES (?, ?)'),
      topicPartitions: db.prepare<[string], { partition_count: number }>('SELECT partition_count FROM bus_topics WHERE topic = ?'),
      insertPartition: db.prepare('INSERT OR IGNORE INTO bus_partitions (topic, partition) VALUES (?, ?)'),
      endOffsets: db.prepare<[string], { partition: number; next_offset: number }>(
        'SELECT partition, next_offset FROM bus_partitions WHERE topic = ? ORDER BY partition',
      ),
      endOffset: db.prepare<[string, number], { next_offset: number }>(
        'SELECT next_offset FROM bus_partitions WHERE topic = ? AND partition = ?',
      ),
      setEndOffset: db.prepare('UPDATE bus_partitions SET next_offset = ? WHERE topic = ? AND partition = ?'),
      insertMessage: db.prepare(
        `INSERT INTO bus_messages (topic, partition, offset, key, value, headers, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      fetch: db.prepare<[string, number, number, number], MessageRow>(
        `SELECT offset, key, value, headers FROM bus_messages
         WHERE topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?`,
      ),
      committed: db.prepare<[string, string, number], { next_offset: number }>(
        'SELECT next_offset FROM bus_consumer_offsets WHERE group_id = ? AND topic = ? AND partition = ?',
      ),
      commit: db.prepare(
        `INSERT INTO bus_consumer_offsets (group_id, topic, partition, next_offset, committed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (group_id, topic, partition) DO UPDATE
         SET next_offset = excluded.next_offset, committed_at = excluded.committed_at`,
      ),
      getCheckpoint: db.prepare<[string], { position: number }>('SELECT position FROM bus_checkpoints WHERE name = ?'),
      setCheckpoint: db.prepare(
        `INSERT INTO bus_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      ),
    };
  }

  /**
   * Creates the topic on first use (Kafka's auto-create) and returns its partition count. The count of an existing
   * topic never changes: keys would move to other partitions and lose their order.
   */
  ensureTopic(topic: string, partitions = this.defaultPartitions): number {
    const known = this.partitionCounts.get(topic);
    if (known !== undefined) return known;
    if (topic.length === 0) throw new Error('a topic name must not be empty');
    const count = this.db.transaction(() => {
      this.statements.insertTopic.run(topic, partitions);
      const stored = this.statements.topicPartitions.get(topic)!.partition_count;
      for (let p = 0; p < stored; p++) this.statements.insertPartition.run(topic, p);
      return stored;
    })();
    this.partitionCounts.set(topic, count);
    return count;
  }

  append(topic: string, messages: readonly OutgoingMessage[]): void {
    const partitionCount = this.ensureTopic(topic);
    this.db
      .transaction(() => {
        const next = this.statements.endOffsets.all(topic).map((row) => row.next_offset);
        const touched = new Set<number>();
        const publishedAt = this.now();
        for (const message of messages) {
          const partition = partitionForKey(message.key, partitionCount);
          this.statements.insertMessage.run(
            topic,
            partition,
            next[partition],
            message.key,
            message.value,
            JSON.stringify(message.headers),
            publishedAt,
          );
          next[partition] += 1;
          touched.add(partition);
        }
        for (const partition of touched) this.statements.setEndOffset.run(next[partition], topic, partition);
      })
      .immediate();
  }

  fetch(topic: string, partition: number, fromOffset: number, limit: number): BusMessage[] {
    return this.statements.fetch.all(topic, partition, fromOffset, limit).map((row) => ({
      topic,
      partition,
      offset: row.offset,
      key: row.key,
      value: row.value,
      headers: JSON.parse(row.headers) as Record<string, string>,
    }));
  }

  /** The offset the next published message of the partition will get. */
  endOffset(topic: string, partition: number): number {
    return this.statements.endOffset.get(topic, partition)?.next_offset ?? 0;
  }

  /** The group's next offset to deliver; a group new to the partition starts at the beginning (Kafka's `earliest`). */
  committedOffset(groupId: string, topic: string, partition: number): number {
    return this.statements.committed.get(groupId, topic, partition)?.next_offset ?? 0;
  }

  /** Sum over the topics' partitions of end offset − the group's committed offset; a topic not created yet counts 0. */
  lag(groupId: string, topics: readonly string[]): number {
    let lag = 0;
    for (const topic of topics) {
      for (const { partition, next_offset } of this.statements.endOffsets.all(topic)) {
        lag += Math.max(0, next_offset - this.committedOffset(groupId, topic, partition));
      }
    }
    return lag;
  }

  commit(groupId: string, topic: string, partition: number, nextOffset: number): void {
    this.statements.commit.run(groupId, topic, partition, nextOffset, this.now());
  }

  /** Sets the group's offsets on every partition of the topics back to 0 (this bus keeps every message), atomically. */
  rewind(groupId: string, topics: readonly string[]): void {
    const counts = topics.map((topic) => ({ topic, partitions: this.ensureTopic(topic) }));
    this.db.transaction(() => {
      for (const { topic, partitions } of counts) {
        for (let partition = 0; partition < partitions; partition++) this.commit(groupId, topic, partition, 0);
      }
    })();
  }

  getCheckpoint(name: string): number | undefined {
    return this.statements.getCheckpoint.get(name)?.position;
  }

  setCheckpoint(name: string, position: number): void {
    this.statements.setCheckpoint.run(name, position, this.now());
  }
}
