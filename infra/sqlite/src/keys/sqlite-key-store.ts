import { randomBytes, randomUUID } from 'node:crypto';
import type { DataKey, ErasureRecord, ErasureRequest, KeyStore } from '@aftersales/kernel';
import { databaseFrom, type DatabaseSource, type SqliteDatabase } from '../database/open-database';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS data_keys (
  key_id TEXT PRIMARY KEY,
  subject_id TEXT NOT NULL,
  key BLOB NOT NULL,
  current INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS data_keys_by_subject ON data_keys (subject_id);
CREATE TABLE IF NOT EXISTS erasures (
  subject_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  erased_at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  reason TEXT NOT NULL,
  keys_shredded INTEGER NOT NULL,
  PRIMARY KEY (subject_id, sequence)
);
`;

interface ErasureRow {
  subject_id: string;
  sequence: number;
  erased_at: string;
  actor_id: string;
  actor_role: string;
  reason: string;
  keys_shredded: number;
}

const recordOf = (row: ErasureRow): ErasureRecord => ({
  subjectId: row.subject_id,
  erasedAt: row.erased_at,
  actor: { id: row.actor_id, role: row.actor_role },
  reason: row.reason,
  sequence: row.sequence,
  keysShredded: row.keys_shredded,
});

/**
 * The per-buyer data keys in their own SQLite file (`keys.db`), apart from the log: a shredded key leaves no copy in
 * the log's file or its backups. A deleted key's page is overwritten (secure_delete), and each subject's erasures are
 * an append-only stream in the same file, written in the transaction that deletes the keys.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: SqliteDatabase;
  private readonly owned: boolean;

  constructor(source: DatabaseSource) {
    ({ db: this.db, owned: this.owned } = databaseFrom(source, 'FULL'));
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
  }

  async keyFor(subjectId: string): Promise<DataKey> {
    return this.db
      .transaction((): DataKey => {
        const row = this.db.prepare('SELECT key_id, key FROM data_keys WHERE subject_id = ? AND current = 1').get(subjectId) as
          { key_id: string; key: Buffer } | undefined;
        if (row) return { keyId: row.key_id, subjectId, key: row.key };
        const made: DataKey = { keyId: randomUUID(), subjectId, key: randomBytes(32) };
        this.db.prepare('INSERT INTO data_keys (key_id, subject_id, key) VALUES (?, ?, ?)').run(made.keyId, subjectId, made.key);
        return made;
      })
      .immediate();
  }

  async key(keyId: string): Promise<DataKey | undefined> {
    const row = this.db.prepare('SELECT subject_id, key FROM data_keys WHERE key_id = ?').get(keyId) as
      { subject_id: string; key: Buffer } | undefined;
    return row && { keyId, subjectId: row.subject_id, key: row.key };
  }

  async shred(request: ErasureRequest): Promise<{ record: ErasureRecord; repeated: boolean }> {
    return this.db
      .transaction(() => {
        const history = this.erasureRows(request.subjectId);
        const { changes } = this.db.prepare('DELETE FROM data_keys WHERE subject_id = ?').run(request.subjectId);
        if (changes === 0 && history.length > 0) return { record: recordOf(history[0]), repeated: true };
        const record: ErasureRecord = { ...request, sequence: history.length + 1, keysShredded: changes };
        this.db
          .prepare(
            'INSERT INTO erasures (subject_id, sequence, erased_at, actor_id, actor_role, reason, keys_shredded) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(record.subjectId, record.sequence, record.erasedAt, record.actor.id, record.actor.role, record.reason, record.keysShredded);
        return { record, repeated: false };
      })
      .immediate();
  }

  async erasures(subjectId: string): Promise<ErasureRecord[]> {
    return this.erasureRows(subjectId).map(recordOf);
  }

  async close(): Promise<void> {
    if (this.owned && this.db.open) this.db.close();
  }

  private erasureRows(subjectId: string): ErasureRow[] {
    return this.db.prepare('SELECT * FROM erasures WHERE subject_id = ? ORDER BY sequence').all(subjectId) as ErasureRow[];
  }
}
