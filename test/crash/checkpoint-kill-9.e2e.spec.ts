import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeIfMainBuilt, kill9 } from '../support/child-process-system';

const ROOT = join(__dirname, '..', '..');

/**
 * The writer: a built SqliteEventStore whose background checkpointer starts after its first transaction, 32 appends
 * always in flight, each event id printed once its append is acknowledged. Events carry 1 KB so the WAL is
 * checkpointed and restarted many times before the kill.
 */
const WRITER = `
const { SqliteEventStore } = require(${JSON.stringify(join(ROOT, 'infra/sqlite/dist'))});
const { SystemClock } = require(${JSON.stringify(join(ROOT, 'infra/kernel/dist'))});
const { randomUUID } = require('node:crypto');
const store = new SqliteEventStore({ path: process.argv[1], clock: new SystemClock(), backgroundCheckpointsAfter: 1 });
const metadata = { occurredAt: new Date().toISOString(), correlationId: randomUUID(), actor: { id: 'crash', role: 'system' } };
const padding = 'x'.repeat(1024);
const writer = async (worker) => {
  for (;;) {
    const eventId = randomUUID();
    const event = { eventId, type: 'Written', schemaVersion: 1, data: { worker, padding }, metadata };
    await store.append('stream-' + worker + '-' + Math.floor(Math.random() * 512), [event], 'any');
    process.stdout.write(eventId + '\\n');
  }
};
for (let worker = 0; worker < 32; worker++) void writer(worker);
`;

describeIfMainBuilt('checkpoint kill-9 crash test')('kill -9 while the WAL is checkpointed on a worker thread', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'aftersales-checkpoint-crash-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('given appends acknowledged while a worker thread checkpoints, when the process is killed, then every acknowledged event is in the log', async () => {
    const path = join(folder, 'events.db');
    const child = spawn(process.execPath, ['-e', WRITER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));

    // when: SIGKILL once enough appends were acknowledged for the WAL to be restarted several times
    while (output.split('\n').length < 20_000 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    await kill9(child);
    const acknowledged = output.split('\n').slice(0, -1); // the last line may be cut off
    const restarts = readFileSync(`${path}-wal`).readUInt32BE(12); // WAL header: checkpoint sequence number

    // then: the database opens intact and holds every acknowledged event
    const db = new Database(path);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(db.prepare('SELECT event_id FROM events').pluck().all() as string[]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(19_000);
      expect(restarts).toBeGreaterThan(0);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
  }, 120_000);
});
