import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderEvent } from '@aftersales/contracts';
import { ProjectionRunner, SystemClock, WriteBehindReadModelStore, type NewEvent } from '@aftersales/kernel';
import { ordersProjection, ORDERS_COLLECTION, orderDecider, evolveOrder, type OrderCommand, type OrderState } from '@aftersales/order';
import { SqliteEventStore, SqliteReadModelStore } from '@aftersales/sqlite';
import Database from 'better-sqlite3';
import {
  cancel,
  confirmReceipt,
  deliver,
  hoursAfterT0,
  lockAddress,
  note,
  pay,
  placeOrder,
  requestInvoice,
  returnParcel,
  ship,
  unlockAddress,
} from '../../services/order/src/orders/testing/order-fixtures';

const lifecycles: OrderCommand[][] = [
  [placeOrder(), pay(), note('ring twice'), requestInvoice('ACME Ltd'), ship(), deliver(), confirmReceipt()],
  [placeOrder(), note('changed plans', hoursAfterT0(1)), cancel(hoursAfterT0(2))],
  [placeOrder({ paymentMethod: 'cod' }), lockAddress(), unlockAddress(), ship(), returnParcel()],
];

/** The events the decider writes for these commands, for order `orderId`. */
function eventsOf(commands: OrderCommand[], orderId: string): OrderEvent[] {
  const events: OrderEvent[] = [];
  let state: OrderState = orderDecider.initialState;
  for (const command of commands) {
    for (const event of orderDecider.decide(command, state)) {
      state = evolveOrder(state, event);
      events.push({ ...event, data: { ...event.data, orderId } } as OrderEvent);
    }
  }
  return events;
}

const recorded = (event: OrderEvent, i: number): NewEvent => ({
  eventId: `evt-${i}`,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { occurredAt: hoursAfterT0(0), correlationId: 'c', causationId: null, actor: { id: 'agent-7', role: 'agent' } },
});

/** Every orders document as stored, by id. */
function storedDocuments(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare<[string], { id: string; doc: string }>('SELECT id, doc FROM documents WHERE collection = ? ORDER BY id').all(ORDERS_COLLECTION);
    return Object.fromEntries(rows.map((row) => [row.id, row.doc]));
  } finally {
    db.close();
  }
}

describe('orders rebuild on the platform’s stores (SQLite log, write-behind over SQLite read models on a writer thread)', () => {
  let folder: string;

  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'orders-rebuild-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('given orders followed live in small batches, when rebuilt in several commits, then every document is stored exactly as live, and nothing waits in memory', async () => {
    const log = new SqliteEventStore({ path: join(folder, 'events.db'), clock: new SystemClock() });
    const readModelsPath = join(folder, 'read-models.db');
    const inner = new SqliteReadModelStore({ path: readModelsPath }, { writerThread: true });
    const readModels = new WriteBehindReadModelStore(inner, { maxDelayMs: 60_000 });
    // given: 30 orders' events interleaved, followed live a few at a time
    const runner = new ProjectionRunner(log, readModels, ordersProjection, { batchSize: 7, rebuildBatchSize: 5, rebuildCommitDocuments: 4 });
    const streams = Array.from({ length: 30 }, (_, n) => eventsOf(lifecycles[n % lifecycles.length], `ord_rebuild${String(n).padStart(2, '0')}`));
    let appended = 0;
    for (let step = 0; streams.some((events) => events.length > step); step++) {
      for (const events of streams) {
        if (events.length <= step) continue;
        await log.append(`order-${events[step].data.orderId}`, [recorded(events[step], appended++)], step === 0 ? 'no_stream' : step - 1);
      }
      await runner.catchUp();
    }
    await readModels.flush();
    const live = storedDocuments(readModelsPath);

    // when
    const report = await runner.rebuild();

    // then: written to the file by the rebuild itself, identical to what following the log wrote
    expect(report.events).toBe(appended);
    expect(await inner.checkpoint(ordersProjection.name)).toBe(await log.headPosition());
    expect(Object.keys(live)).toHaveLength(30);
    expect(storedDocuments(readModelsPath)).toEqual(live);
    await readModels.close();
    await log.close();
  });
});
