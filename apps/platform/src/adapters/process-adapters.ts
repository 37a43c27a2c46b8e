import { join } from 'node:path';
import {
  EventPublisher,
  Keyring,
  OpeningMessageBus,
  ProtectedEventStore,
  WriteBehindReadModelStore,
  WriteBehindTimerStore,
  withPublisherBacklog,
  type CheckpointStore,
  type Clock,
  type EventStore,
  type MessageBus,
  type Platform,
  type ReadModelStore,
  type TimerStore,
} from '@aftersales/kernel';
import { MongoReadModelStore } from '@aftersales/mongo';
import { SqliteEventStore, SqliteKeyStore, SqliteReadModelStore, SqliteTimerStore } from '@aftersales/sqlite';
import { KurrentEventStore } from '@aftersales/kurrent';
import { topicForEventType } from '@aftersales/contracts';
import type { EventStoreConfig, ReadModelsConfig } from '../config';

/** The adapters one process runs on, whichever bus it uses. */
export interface ProcessAdapters {
  platform: Platform;
  /** Follows this process's log onto the bus (none where the bus is the log itself). */
  publisher?: EventPublisher;
  /** The buyers' data keys: an erasure shreds them here. */
  keyring: Keyring;
  close(): Promise<void>;
}

/**
 * What every process keeps, whichever bus it uses: one SQLite file per concern in its own data directory, the event
 * log there too unless it is on KurrentDB (see EventStoreConfig).
 */
export interface LocalStores {
  /** The log as stored: buyer personal data sealed (what the publisher puts on the bus). */
  eventStore: EventStore;
  /** The log as the services read it: sealed fields opened, or `[erased]` (see ProtectedEventStore). */
  protectedLog: ProtectedEventStore;
  keyring: Keyring;
  /** Written behind: committed batches wait in memory (READ_MODEL_WRITE_DELAY_MS) and are written together. */
  readModels: WriteBehindReadModelStore;
  /** Written behind like the read models (TIMER_WRITE_DELAY_MS); every read of due timers writes what waits first. */
  timers: TimerStore;
  /** Closes the timers, the read models, then the event log. */
  close(): Promise<void>;
}

/**
 * How long committed read-model batches may wait in memory before they are written together. Measured with 16
 * connections adding notes to 200 orders: 36 KB of read-model writes per note when each batch was written at once,
 * about 5 KB at 1 s and 4 KB at 2 s on a fresh database; as an order's rows grow, each flush rebalances more b-tree
 * pages, and over three 5-second rounds the whole note went 8.1 → 10.0 → 11.1 KB at 2 s and 6.3 → 7.7 → 8.5 KB at 5 s.
 * A crash replays at most this much of the log into the projections.
 */
const READ_MODEL_WRITE_DELAY_MS = 5_000;

/** Timers scheduled by the projector wait at most this long in memory (the scheduler's reads write them first). */
const TIMER_WRITE_DELAY_MS = 1_000;

/** The store the read models are written to (behind the write-behind layer): SQLite in the data directory, or MongoDB. */
function openReadModelStore(dataDir: string, config: ReadModelsConfig): ReadModelStore {
  if (config.kind === 'mongo') return new MongoReadModelStore({ url: config.url, database: config.database });
  return new SqliteReadModelStore({ path: join(dataDir, 'read-models.db') }, { writerThread: true });
}

/**
 * `consumerOffsetsFlushFirst`: the bus commits a group's position only after `readModels.flush()` (the embedded log
 * bus does), so consumers' effects with their processed ids may wait in memory too.
 */
export function openLocalStores(
  dataDir: string,
  clock: Clock,
  options: { consumerOffsetsFlushFirst?: boolean; keysPath?: string; eventStore?: EventStoreConfig; readModels?: ReadModelsConfig } = {},
): LocalStores {
  const eventStore = openEventStore(dataDir, clock, options.eventStore ?? { kind: 'sqlite' });
  const keys = new SqliteKeyStore({ path: options.keysPath ?? join(dataDir, 'keys.db') });
  const keyring = new Keyring(keys);
  const readModels = new WriteBehindReadModelStore(openReadModelStore(dataDir, options.readModels ?? { kind: 'sqlite' }), {
    maxDelayMs: READ_MODEL_WRITE_DELAY_MS,
    // 2 000 notes/s add 8 000 rows (a note row, a timeline row) in 2 s: the delay, not the count, should decide the
    // flushes under load; 32 000 held rows and documents are some 15 MB at most.
    maxPending: 32_000,
    holdProcessedIds: options.consumerOffsetsFlushFirst ?? false,
    onFlushError: (error) => console.error('read models: a write of held batches failed; it is retried with the next one', error),
  });
  const timers = new WriteBehindTimerStore(new SqliteTimerStore({ path: join(dataDir, 'timers.db') }, { writerThread: true }), {
    maxDelayMs: TIMER_WRITE_DELAY_MS,
    onFlushError: (error) => console.error('timers: a write of held instructions failed; it is retried with the next one', error),
  });
  return {
    eventStore,
    protectedLog: new ProtectedEventStore(eventStore, keyring),
    keyring,
    readModels,
    timers,
    async close() {
      await timers.close();
      await readModels.close();
      await eventStore.close();
      await keys.close();
    },
  };
}

/**
 * The process's log: SQLite in the data directory, or its namespace on KurrentDB. On KurrentDB the publisher (Kafka
 * mode) and the embedded bus follow the log by envelope position through readAll, as on SQLite; the timers, read
 * models and offsets stay in the data directory with their checkpoints.
 */
function openEventStore(dataDir: string, clock: Clock, config: EventStoreConfig): EventStore {
  if (config.kind === 'esdb') return new KurrentEventStore({ connection: config.url, namespace: config.namespace, clock });
  return new SqliteEventStore({ path: join(dataDir, 'events.db'), clock });
}

/**
 * A process's adapters: its local stores and a bus, with a publisher that keeps its checkpoint in `publisherCheckpoints`.
 * Closing stops the publisher, then the bus (`closeBus`), then the stores.
 */
export function processAdapters(options: {
  stores: LocalStores;
  bus: MessageBus;
  closeBus(): Promise<void>;
  publisherCheckpoints: CheckpointStore;
  clock: Clock;
  settle: () => Promise<void>;
  /** `messaging.system` of the publisher's spans (when tracing is on). */
  messagingSystem?: string;
}): ProcessAdapters {
  const { stores, bus, clock, settle } = options;
  const { eventStore, protectedLog, keyring, readModels, timers } = stores;
  // What goes on the bus is the stored log, sealed fields included; consumers get them opened.
  const publisher = new EventPublisher({ eventStore, bus, checkpoints: options.publisherCheckpoints, topicFor: topicForEventType, messagingSystem: options.messagingSystem });
  const openingBus = new OpeningMessageBus(bus, keyring);
  return {
    // A group's lag counts what the publisher has not put on the bus yet (MessageBus.lag; see withPublisherBacklog).
    platform: { eventStore: protectedLog, readModels, timers, bus: withPublisherBacklog(openingBus, publisher), clock, settle },
    publisher,
    keyring,
    async close() {
      await publisher.stop();
      await options.closeBus();
      await stores.close();
    },
  };
}
