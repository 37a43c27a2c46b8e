/**
 * Figures of the bus: events per second from append to a consumer's committed effect, and the p50/p99 latency of that
 * path, on the embedded SQLite bus and on Kafka (KAFKA_BROKERS; skipped with the reason when unset).
 *
 *   node bench/dist/scenarios/bus-latency.js         (BENCH_QUICK=1 for a short run)
 *
 * The path: CommandHandler-less append of one event to the SQLite event log (durable) → EventPublisher (follows the
 * log) → bus → consumer group → the effect: a read-model document committed with the event id (dedupe), as every
 * consumer of the platform does. Latency is measured from the start of the append to the effect's commit.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import {
  EventPublisher,
  InMemoryCheckpointStore,
  SystemClock,
  timeOrderedUuid,
  type CheckpointStore,
  type MessageBus,
  type NewEvent,
} from '@aftersales/kernel';
import type { EventEnvelope } from '@aftersales/contracts';
import { SqliteEventStore, SqliteMessageBus, SqliteReadModelStore } from '@aftersales/sqlite';
import { KafkaMessageBus, brokersFromEnv, deleteNamespace } from '@aftersales/kafka';
import { createTempFolder } from '../support/temp-folder';
import { perSecond } from '../support/statistics';

export interface BusFigures {
  bus: 'embedded' | 'kafka';
  /** Events appended as fast as `appenders` concurrent writers could, until the last effect was committed. */
  throughput: { events: number; ms: number; eventsPerSecond: number; appenders: number };
  /** Events appended one by one at a steady rate well under the throughput. */
  latency: { events: number; ratePerSecond: number; p50Ms: number; p99Ms: number; maxMs: number };
}

export interface BusBenchOptions {
  throughputEvents: number;
  appenders: number;
  latencyEvents: number;
  latencyRatePerSecond: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function noteEvent(orderId: string): NewEvent {
  return {
    eventId: timeOrderedUuid(),
    type: 'OrderNoteAdded',
    schemaVersion: 1,
    data: { orderId, text: 'Buyer asked to deliver after 18:00.', actorId: 'agent-7' },
    metadata: { occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, actor: { id: 'agent-7', role: 'agent' } },
  };
}

/** Runs both phases on one bus; the bus is made and closed here. */
export async function measureBus(kind: 'embedded' | 'kafka', options: BusBenchOptions): Promise<BusFigures> {
  const log = options.log ?? (() => undefined);
  const folder = createTempFolder(`bus-${kind}`);
  const run = randomUUID().slice(0, 8);
  const topic = `bench-${run}.aftersales.order.events.v1`;
  const eventStore = new SqliteEventStore({ path: folder.file('events.db'), clock: new SystemClock() });
  const effects = new SqliteReadModelStore({ path: folder.file('effects.db') });
  let bus: MessageBus;
  let checkpoints: CheckpointStore;
  if (kind === 'embedded') {
    const sqliteBus = new SqliteMessageBus({ filename: folder.file('bus.db') });
    bus = sqliteBus;
    checkpoints = sqliteBus.checkpoints;
  } else {
    bus = new KafkaMessageBus({ brokers: brokersFromEnv(), clientId: `bench-${run}` });
    checkpoints = new InMemoryCheckpointStore();
  }
  const publisher = new EventPublisher({ eventStore, bus, checkpoints, topicFor: () => topic });
  const appendedAt = new Map<string, number>();
  const latencies: number[] = [];
  let effectsCommitted = 0;
  let waiting: { count: number; resolve: () => void } | undefined;
  const consumer = await bus.subscribe(`bench-${run}-effects`, [topic], async (message) => {
    const event = JSON.parse(message.value) as EventEnvelope;
    if (await effects.wasProcessed('bench-effects', event.eventId)) return;
    effectsCommitted += 1;
    await effects.commit({
      projection: 'bench-effects',
      checkpoint: effectsCommitted,
      puts: [{ collection: 'effects', doc: { id: event.eventId, orderId: (event.data as { orderId: string }).orderId } }],
      deletes: [],
      processedEventIds: [event.eventId],
    });
    const started = appendedAt.get(event.eventId);
    if (started !== undefined) latencies.push(performance.now() - started);
    if (waiting && effectsCommitted >= waiting.count) waiting.resolve();
  });
  const effectsReach = (count: number) =>
    effectsCommitted >= count ? Promise.resolve() : new Promise<void>((resolve) => (waiting = { count, resolve }));
  const append = async (orderId: string) => {
    const event = noteEvent(orderId);
    appendedAt.set(event.eventId, performance.now());
    await eventStore.append(`order-${orderId}`, [event], 'any');
  };
  publisher.start();
  try {
    // warm-up: the consumer has joined and every connection is open
    for (let i = 0; i < 20; i++) await append(`ord_warm${i}`);
    await effectsReach(20);

    // throughput: concurrent writers, as fast as they can, until the last effect is committed
    const base = effectsCommitted;
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: options.appenders }, async () => {
        while (next < options.throughputEvents) await append(`ord_t${next++ % 1000}`);
      }),
    );
    await effectsReach(base + options.throughputEvents);
    const ms = performance.now() - started;
    const throughput = { events: options.throughputEvents, ms, eventsPerSecond: perSecond(options.throughputEvents, ms), appenders: options.appenders };
    log(`${kind}: ${throughput.events} events in ${ms.toFixed(0)} ms with ${options.appenders} appenders`);

    // latency: one event at a time at a steady rate
    latencies.length = 0;
    const paced = effectsCommitted;
    const interval = 1000 / options.latencyRatePerSecond;
    const start = performance.now();
    const appends: Promise<void>[] = [];
    for (let i = 0; i < options.latencyEvents; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      appends.push(append(`ord_l${i % 1000}`));
    }
    await Promise.all(appends);
    await effectsReach(paced + options.latencyEvents);
    const latency = {
      events: options.latencyEvents,
      ratePerSecond: options.latencyRatePerSecond,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: Math.max(...latencies),
    };
    log(`${kind}: p50 ${latency.p50Ms.toFixed(1)} ms, p99 ${latency.p99Ms.toFixed(1)} ms at ${latency.ratePerSecond} events/s`);
    return { bus: kind, throughput, latency };
  } finally {
    await publisher.stop();
    await consumer.stop();
    await bus.close();
    await effects.close();
    await eventStore.close();
    folder.dispose();
    if (kind === 'kafka') await deleteNamespace(brokersFromEnv(), `bench-${run}`); // the run's topic and group
  }
}

function rows(figures: BusFigures[]): string[] {
  const header = ['bus', 'events/s append → committed effect', 'appenders', 'p50 latency', 'p99 latency', 'max', 'at rate'];
  const lines = figures.map((f) => [
    f.bus,
    Math.round(f.throughput.eventsPerSecond).toLocaleString('en-US'),
    String(f.throughput.appenders),
    `${f.latency.p50Ms.toFixed(1)} ms`,
    `${f.latency.p99Ms.toFixed(1)} ms`,
    `${f.latency.maxMs.toFixed(1)} ms`,
    `${f.latency.ratePerSecond}/s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [header, ...lines].map((cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}

/** Both buses (Kafka only with KAFKA_BROKERS); prints a table and returns the figures. */
export async function busLatencyScenario(options: BusBenchOptions): Promise<BusFigures[]> {
  const log = options.log ?? console.log;
  const figures = [await measureBus('embedded', options)];
  if (brokersFromEnv().length > 0) figures.push(await measureBus('kafka', options));
  else log('bus latency on Kafka skipped: KAFKA_BROKERS is not set (run `pnpm kafka:start`, then KAFKA_BROKERS=127.0.0.1:9092)');
  for (const line of rows(figures)) log(line);
  return figures;
}

export const busBenchOptions = (quick: boolean): BusBenchOptions => ({
  throughputEvents: quick ? 2_000 : 10_000,
  appenders: 32,
  latencyEvents: quick ? 300 : 1_000,
  latencyRatePerSecond: 100,
});

if (require.main === module) {
  busLatencyScenario({ ...busBenchOptions(process.env.BENCH_QUICK === '1'), log: console.log }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
