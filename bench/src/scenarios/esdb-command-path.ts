/**
 * The command path on the KurrentDB event store against the SQLite one: the kernel CommandHandler with the order
 * decider adding notes to placed orders, one writer at a time (latency) and 16 at once (throughput), with and without
 * an idempotency key (a command key costs the KurrentDB store a read and a write of its key stream).
 *
 *   node bench/dist/scenarios/esdb-command-path.js        (AFTERSALES_ESDB_URL=kurrentdb://…?tls=false for a real server)
 *
 * Without AFTERSALES_ESDB_URL, KurrentDB is the WIRE-LEVEL TEST DOUBLE (in memory, in this process, real gRPC through
 * the real client): its figures are the client's and the protocol's cost on loopback, not a server's.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { orderEvents, type OrderEvent } from '@aftersales/contracts';
import { CommandHandler, SystemClock, type EventStore } from '@aftersales/kernel';
import { orderDecider, orderStreamId, type OrderCommand, type OrderState } from '@aftersales/order';
import { SqliteEventStore } from '@aftersales/sqlite';
import { KurrentEventStore } from '@aftersales/kurrent';
import { KurrentWireDouble } from '@aftersales/kurrent/testing';
import { addNoteCommand, benchOrderId, placeOrderCommand } from '../workload/sample-orders';
import { SeededRandom } from '../workload/seeded-random';
import { createTempFolder } from '../support/temp-folder';
import { median, perSecond } from '../support/statistics';

const ORDERS = 64;
const SEQUENTIAL = Number(process.env.BENCH_COMMANDS ?? 400);
const CONCURRENT = 16;
const schemaVersions = new Map(orderEvents.map((d) => [d.type, d.version]));

interface PathFigures {
  store: string;
  keyed: boolean;
  p50Ms: number;
  p99Ms: number;
  sequentialPerSecond: number;
  concurrentPerSecond: number;
}

async function measure(store: string, eventStore: EventStore, keyed: boolean): Promise<PathFigures> {
  const clock = new SystemClock();
  const handler = new CommandHandler<OrderCommand, OrderState, OrderEvent>(eventStore, clock, {
    decider: orderDecider,
    schemaVersionOf: (type) => schemaVersions.get(type) ?? 1,
  });
  const random = new SeededRandom(7);
  const ids = Array.from({ length: ORDERS }, (_, i) => benchOrderId(i));
  for (const id of ids)
    await handler.handle(orderStreamId(id), (at) => placeOrderCommand(id, at, random), { actor: { id: 'buyer-1', role: 'buyer' } });
  let sequence = 0;
  const addNote = (orderId: string) =>
    handler.handle(orderStreamId(orderId), (at) => addNoteCommand(orderId, at, ++sequence), {
      actor: { id: 'agent-17', role: 'agent' },
      ...(keyed ? { commandKey: { key: `bench:${randomUUID()}`, requestHash: 'h' } } : {}),
    });
  const latencies: number[] = [];
  const sequentialStart = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) {
    const started = performance.now();
    await addNote(ids[i % ORDERS]);
    latencies.push(performance.now() - started);
  }
  const sequentialMs = performance.now() - sequentialStart;
  const concurrentStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENT }, async (_, writer) => {
      while (next < SEQUENTIAL) {
        next++;
        await addNote(ids[(writer * 4 + next) % ORDERS]);
      }
    }),
  );
  const concurrentMs = performance.now() - concurrentStart;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    store,
    keyed,
    p50Ms: round(median(latencies)),
    p99Ms: round(sorted[Math.floor(sorted.length * 0.99)]),
    sequentialPerSecond: Math.round(perSecond(SEQUENTIAL, sequentialMs)),
    concurrentPerSecond: Math.round(perSecond(SEQUENTIAL, concurrentMs)),
  };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

async function main(): Promise<void> {
  const url = process.env.AFTERSALES_ESDB_URL?.trim();
  const double = url ? undefined : await new KurrentWireDouble().start();
  const kurrentLabel = url ? `KurrentDB at ${url}` : 'KurrentDB WIRE DOUBLE (in memory, loopback gRPC)';
  const figures: PathFigures[] = [];
  for (const keyed of [false, true]) {
    const folder = createTempFolder('esdb-path');
    const sqlite = new SqliteEventStore({ path: folder.file('events.db'), clock: new SystemClock() });
    figures.push(await measure('SQLite (durable file)', sqlite, keyed));
    await sqlite.close();
    folder.dispose();
    const kurrent = new KurrentEventStore({
      connection: url ?? double!.connectionString,
      clock: new SystemClock(),
      namespace: `bench-${randomUUID()}`,
    });
    figures.push(await measure(kurrentLabel, kurrent, keyed));
    await kurrent.close();
  }
  await double?.stop();
  console.log(
    `command path (add a note to one of ${ORDERS} orders): ${SEQUENTIAL} commands one at a time, then ${SEQUENTIAL} by ${CONCURRENT} writers`,
  );
  console.table(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
