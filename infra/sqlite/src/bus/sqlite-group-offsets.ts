import type { GroupOffsetStore, TopicPosition } from '@aftersales/kernel';
import { openDatabase, type SqliteDatabase } from '../database/open-database';
import { positionsOfCopiedBus } from './copied-bus-offsets';

export interface SqliteGroupOffsetsOptions {
  /** The offsets file (the embedded runtime's `bus.db`), or `:memory:`. */
  filename: string;
  now?: () => number;
}

/**
 * The log bus's group positions in a small SQLite file: one row per group and topic, nothing else. NORMAL durability:
 * a lost commit only redelivers events, which consumers dedupe by event id. A file written by the SqliteMessageBus
 * (a copy of every event) is converted on open: each group keeps the log position it had reached, the copy is dropped.
 */
export class SqliteGroupOffsets implements GroupOffsetStore {
  private readonly db: SqliteDatabase;
  private readonly now: () => number;
  private readonly select;
  private readonly upsert;
  private readonly commitAll;

  constructor(options: SqliteGroupOffsetsOptions) {
    this.now = options.now ?? Date.now;
    this.db = openDatabase(options.filename, 'NORMAL', { pageSize: 1024 });
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS bus_group_offsets (
        group_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        -- the log position of the last event the group is done with on this topic
        position INTEGER NOT NULL,
        committed_at INTEGER NOT NULL,
        PRIMARY KEY (group_id, topic)
      ) WITHOUT ROWID;
    `);
    this.select = this.db.prepare<[string, string], { position: number }>('SELECT position FROM bus_group_offsets WHERE group_id = ? AND topic = ?');
    this.upsert = this.db.prepare(
      `INSERT INTO bus_group_offsets (group_id, topic, position, committed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (group_id, topic) DO UPDATE SET position = excluded.position, committed_at = excluded.committed_at`,
    );
    this.commitAll = this.db.transaction((groupId: string, positions: readonly TopicPosition[]) => {
      const at = this.now();
      for (const { topic, position } of positions) this.upsert.run(groupId, topic, position, at);
    });
    this.convertCopiedBus();
  }

  position(groupId: string, topic: string): number | undefined {
    return this.select.get(groupId, topic)?.position;
  }

  commit(groupId: string, positions: readonly TopicPosition[]): void {
    for (const { position } of positions) {
      if (!Number.isInteger(position) || position < 0) throw new RangeError(`invalid log position ${position}`);
    }
    this.commitAll(groupId, positions);
  }

  close(): void {
    this.db.close();
  }

  private convertCopiedBus(): void {
    const copied = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bus_consumer_offsets'").get();
    if (!copied) return;
    this.db.transaction(() => {
      for (const { groupId, topic, position } of positionsOfCopiedBus(this.db)) this.commitAll(groupId, [{ topic, position }]);
      this.db.exec(`
        DROP TABLE IF EXISTS bus_messages;
        DROP TABLE IF EXISTS bus_partitions;
        DROP TABLE IF EXISTS bus_topics;
        DROP TABLE IF EXISTS bus_consumer_offsets;
        DROP TABLE IF EXISTS bus_checkpoints;
      `);
    })();
    this.db.exec('VACUUM');
  }
}
