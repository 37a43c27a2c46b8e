import { randomUUID } from 'node:crypto';
import { timeOrderedUuid } from '@aftersales/kernel';
import Database from 'better-sqlite3';
import { SeededRandom } from '../workload/seeded-random';

/**
 * The baseline: plain better-sqlite3 on a table shaped like the event log (same columns, same unique
 * indexes, event ids made the way the CommandHandler makes them), WAL + synchronous=FULL, no kernel and no
 * adapter in between.
 */
export class RawEventTable {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly insertRows: Database.Transaction<(count: number) => void>;
  private position = 0;
  private readonly revisions: number[];
  private readonly data: string;
  private readonly recordedAt = new Date().toISOString();
  private readonly random = new SeededRandom(11);

  constructor(
    path: string,
    private readonly streams = 8192,
  ) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE events (
        position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
        type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, occurred_at TEXT NOT NULL,
        correlation_id TEXT NOT NULL, causation_id TEXT, actor_id TEXT NOT NULL, actor_role TEXT NOT NULL, traceparent TEXT, tracestate TEXT,
        recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision)
      )`);
    this.insert = this.db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.revisions = new Array<number>(streams).fill(-1);
    this.data = JSON.stringify({
      orderId: 'ord_00000000000000000',
      noteNo: 1,
      text: 'Buyer called: please deliver after 18:00, leave the parcel with the concierge, gift wrap requested. '.repeat(2).trim(),
      agentId: 'agent-17',
      addedAt: this.recordedAt,
    });
    this.insertRows = this.db.transaction((count: number) => {
      for (let i = 0; i < count; i++) this.insertRow();
    });
  }

  /** Size of one row's JSON data, for the report. */
  get dataBytes(): number {
    return Buffer.byteLength(this.data);
  }

  /** One durable transaction of `count` rows; returns `count`. */
  commit(count: number): number {
    this.insertRows.immediate(count);
    return count;
  }

  close(): void {
    this.db.close();
  }

  private insertRow(): void {
    const position = ++this.position;
    const stream = this.random.int(0, this.streams - 1);
    const revision = ++this.revisions[stream];
    const at = new Date().toISOString();
    this.insert.run(
      position,
      timeOrderedUuid(),
      `order-raw-${stream}`,
      revision,
      'OrderNoteAdded',
      1,
      this.data,
      at,
      randomUUID(),
      null,
      'agent-17',
      'agent',
      null,
      null,
      this.recordedAt,
    );
  }
}
