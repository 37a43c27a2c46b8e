import type Database from 'better-sqlite3';

/** Creates the bus tables if missing. */
export function createBusSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS bus_topics (
      topic TEXT PRIMARY KEY,
      partition_count INTEGER NOT NULL CHECK (partition_count > 0)
    );
    CREATE TABLE IF NOT EXISTS bus_partitions (
      topic TEXT NOT NULL REFERENCES bus_topics(topic),
      partition INTEGER NOT NULL,
      next_offset INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (topic, partition)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS bus_messages (
      topic TEXT NOT NULL,
      partition INTEGER NOT NULL,
      offset INTEGER NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      headers TEXT NOT NULL,
      published_at INTEGER NOT NULL,
      PRIMARY KEY (topic, partition, offset)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS bus_consumer_offsets (
      group_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      partition INTEGER NOT NULL,
      -- Kafka's meaning: the offset of the next message to deliver.
      next_offset INTEGER NOT NULL,
      committed_at INTEGER NOT NULL,
      PRIMARY KEY (group_id, topic, partition)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS bus_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
  `);
}
