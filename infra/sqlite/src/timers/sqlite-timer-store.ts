import type { Timer, TimerInstruction, TimerStore } from '@aftersales/kernel';
import type Database from 'better-sqlite3';
import { databaseFrom, type DatabaseSource, type Durability, type SqliteDatabase } from '../database/open-database';
import { createTimerSchema, type TimerRow } from './timer-schema';
import { ThreadedWrites } from '../database/threaded-writes';

export interface SqliteTimerStoreOptions {
  /**
   * Used only when the store opens its own file. NORMAL by default: timers are derived from the log with
   * their checkpoint, and a fire lost on power loss is repeated harmlessly (its command key is `timer:<id>`).
   */
  durability?: Durability;
  /** Write on a worker thread (only for a store that opens its own file): SQLite's work leaves the event loop. */
  writerThread?: boolean;
}

const PENDING_COLUMNS = 'timer_id, service, due_at, command, scheduled_by';

const toTimer = (row: TimerRow): Timer => ({
  timerId: row.timer_id,
  service: row.service,
  dueAt: row.due_at,
  command: JSON.parse(row.command) as Timer['command'],
  scheduledBy: JSON.parse(row.scheduled_by) as Timer['scheduledBy'],
});

export class SqliteTimerStore implements TimerStore {
  private readonly db: SqliteDatabase;
  private readonly ownsDatabase: boolean;

  private readonly selectCheckpoint: Database.Statement<[], { position: number }>;
  private readonly upsertCheckpoint: Database.Statement<[number]>;
  private readonly upsertPending: Database.Statement<[string, string, string, number, string, string]>;
  private readonly deletePending: Database.Statement<[string]>;
  private readonly selectDue: Database.Statement<[number, number], TimerRow>;
  private readonly selectPending: Database.Statement<[], TimerRow>;
  private readonly updateFired: Database.Statement<[string, string]>;
  private readonly applyInTransaction: Database.Transaction<(position: number, instructions: TimerInstruction) => void>;
  private readonly writes: ThreadedWrites;

  constructor(source: DatabaseSource, options: SqliteTimerStoreOptions = {}) {
    const { db, owned } = databaseFrom(source, options.durability ?? 'NORMAL');
    this.db = db;
    this.ownsDatabase = owned;
    createTimerSchema(db);
    this.writes = new ThreadedWrites(source, owned, options.durability ?? 'NORMAL', options.writerThread ?? false);

    this.selectCheckpoint = db.prepare('SELECT position FROM timer_checkpoint WHERE id = 1');
    this.upsertCheckpoint = db.prepare(
      'INSERT INTO timer_checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position',
    );
    this.upsertPending = db.prepare(`
      INSERT INTO timers (timer_id, service, due_at, due_ms, command, scheduled_by) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (timer_id) DO UPDATE SET
        service = excluded.service, due_at = excluded.due_at, due_ms = excluded.due_ms,
        command = excluded.command, scheduled_by = excluded.scheduled_by
      WHERE fired_at IS NULL`);
    this.deletePending = db.prepare('DELETE FROM timers WHERE timer_id = ? AND fired_at IS NULL');
    this.selectDue = db.prepare(
      `SELECT ${PENDING_COLUMNS} FROM timers WHERE fired_at IS NULL AND due_ms <= ? ORDER BY due_ms, timer_id LIMIT ?`,
    );
    this.selectPending = db.prepare(`SELECT ${PENDING_COLUMNS} FROM timers WHERE fired_at IS NULL ORDER BY due_ms, timer_id`);
    this.updateFired = db.prepare('UPDATE timers SET fired_at = ? WHERE timer_id = ? AND fired_at IS NULL');
    this.applyInTransaction = db.transaction((position: number, instructions: TimerInstruction) => this.writeApply(position, instructions));
  }

  /** Cancels before schedules, so an event that moves a deadline cancels and re-schedules the same id. */
  async apply(position: number, instructions: TimerInstruction): Promise<void> {
    const thread = this.writes.thread;
    if (!thread) return void this.applyInTransaction.immediate(position, instructions);
    // writeApply throws, sending nothing, on a timer it cannot store
    return this.writes.inTurn(() => this.writes.onThread(thread, () => this.writeApply(position, instructions)));
  }

  private writeApply(position: number, instructions: TimerInstruction): void {
    if (position <= this.currentCheckpoint()) return;
    for (const timerId of instructions.cancel ?? []) this.run(this.deletePending, [timerId]);
    for (const timer of instructions.schedule ?? []) this.schedule(timer);
    this.run(this.upsertCheckpoint, [position]);
  }

  private run(statement: Database.Statement<unknown[]>, params: unknown[]): void {
    this.writes.run(statement, params);
  }

  async checkpoint(): Promise<number> {
    return this.currentCheckpoint();
  }

  async due(now: Date, limit: number): Promise<Timer[]> {
    if (limit <= 0) return [];
    return this.selectDue.all(now.getTime(), limit).map(toTimer);
  }

  async next(): Promise<Timer | undefined> {
    const row = this.selectDue.get(Number.MAX_SAFE_INTEGER, 1);
    return row && toTimer(row);
  }

  async markFired(timerId: string, firedAt: Date): Promise<void> {
    const thread = this.writes.thread;
    if (!thread) return void this.updateFired.run(firedAt.toISOString(), timerId);
    return this.writes.inTurn(() => thread.run([[this.updateFired.source, [firedAt.toISOString(), timerId]]]));
  }

  async pending(): Promise<Timer[]> {
    return this.selectPending.all().map(toTimer);
  }

  async flush(): Promise<void> {} // every instruction is written as it is applied

  async close(): Promise<void> {
    await this.writes.stop();
    if (this.ownsDatabase && this.db.open) this.db.close();
  }

  private currentCheckpoint(): number {
    return this.selectCheckpoint.get()?.position ?? 0;
  }

  private schedule(timer: Timer): void {
    const dueMs = Date.parse(timer.dueAt);
    if (Number.isNaN(dueMs)) throw new TypeError(`timer ${timer.timerId} has an invalid due time: ${timer.dueAt}`);
    this.run(this.upsertPending, [timer.timerId, timer.service, timer.dueAt, dueMs, JSON.stringify(timer.command), JSON.stringify(timer.scheduledBy)]);
  }
}
