import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runVerifyLogCli } from '@aftersales/platform';
import { agent, ops } from '../support/http-client';
import { useTestSystem } from '../support/embedded-system';
import { placeOrder } from '../support/orders';
import { itOnSqliteLog } from '../support/test-event-store';

/** The log that holds the orders: the embedded platform's, or the order service process's (Kafka mode). */
function orderLogOf(dataDir: string): string {
  const candidates = [join(dataDir, 'events.db'), ...readdirSync(dataDir).map((entry) => join(dataDir, entry, 'events.db'))].filter((path) => existsSync(path));
  const found = candidates.find((path) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare(`SELECT 1 FROM events WHERE type = 'OrderPlaced' LIMIT 1`).get() !== undefined;
    } finally {
      db.close();
    }
  });
  if (!found) throw new Error(`no log with orders under ${dataDir}`);
  return found;
}

describe('the tamper-evident log', () => {
  const system = useTestSystem();

  it('given orders and notes written through the API, when the log is verified, then every event checks', async () => {
    const order = await placeOrder(system.api);
    await system.api.post(`/orders/${order.id}/notes`, { text: 'call first' }, agent);
    await system.settle();

    const verified = await system.api.post('/admin/audit/log/verify', {}, ops);

    expect(verified.status).toBe(200);
    expect(verified.body.checked).toBeGreaterThanOrEqual(2);
    expect(verified.body.firstBrokenPosition).toBeUndefined();
  });

  const itOnLogFile = itOnSqliteLog('the tampered log file', 'it edits events.db with raw SQL (a KurrentDB log is append-only on the server; the chain is checked there by the first test)');

  itOnLogFile('given an event edited in the log file with raw SQL, when the log is verified through the API and the CLI, then both name its position', async () => {
    const order = await placeOrder(system.api);
    await system.api.post(`/orders/${order.id}/notes`, { text: 'call first' }, agent);
    await system.settle();
    const path = orderLogOf(system.dataDir);
    const db = new Database(path);
    const edited = db.prepare<[], { position: number }>(`SELECT position FROM events WHERE type = 'OrderNoteAdded' LIMIT 1`).get()!;
    db.prepare(`UPDATE events SET data = json_set(data, '$.text', 'nothing to see') WHERE position = ?`).run(edited.position);
    db.close();

    const verified = await system.api.post('/admin/audit/log/verify', {}, ops);
    const cli = await runVerifyLogCli(['--data', system.dataDir]);

    expect(verified.status).toBe(200);
    expect(verified.body.firstBrokenPosition).toBe(edited.position);
    expect(cli.exitCode).toBe(2);
    expect(JSON.parse(cli.output)).toMatchObject({ firstBrokenPosition: edited.position });
  });
});
