import type { SqliteDatabase } from '../database/open-database';

export interface CopiedGroupPosition {
  groupId: string;
  topic: string;
  position: number;
}

/**
 * Translates the committed offsets of a SqliteMessageBus fed by the EventPublisher into log positions: per partition,
 * the group is done up to just before the log position of its first unhandled message, or, where it handled every
 * message, up to the publisher's checkpoint (what was not published yet nobody has seen). A group's position on a
 * topic is the lowest over its partitions, so what another partition handled beyond it is delivered again (deduped).
 */
export function positionsOfCopiedBus(db: SqliteDatabase): CopiedGroupPosition[] {
  const published = db.prepare<[], { position: number }>("SELECT position FROM bus_checkpoints WHERE name = 'event-publisher'").get()?.position ?? 0;
  const groups = db.prepare<[], { group_id: string; topic: string }>('SELECT DISTINCT group_id, topic FROM bus_consumer_offsets').all();
  const partitions = db.prepare<[string], { partition: number; next_offset: number }>('SELECT partition, next_offset FROM bus_partitions WHERE topic = ?');
  const committed = db.prepare<[string, string, number], { next_offset: number }>(
    'SELECT next_offset FROM bus_consumer_offsets WHERE group_id = ? AND topic = ? AND partition = ?',
  );
  const firstUnhandled = db.prepare<[string, number, number], { position: number | null }>(
    "SELECT CAST(json_extract(headers, '$.position') AS INTEGER) AS position FROM bus_messages WHERE topic = ? AND partition = ? AND offset = ?",
  );
  return groups.map(({ group_id: groupId, topic }) => {
    let position = published;
    for (const { partition, next_offset: end } of partitions.all(topic)) {
      const next = committed.get(groupId, topic, partition)?.next_offset ?? 0;
      if (next >= end) continue;
      const unhandled = firstUnhandled.get(topic, partition, next)?.position;
      position = Math.min(position, unhandled == null ? 0 : unhandled - 1);
    }
    return { groupId, topic, position: Math.max(0, position) };
  });
}
