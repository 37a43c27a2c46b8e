import { join } from 'node:path';
import { EventPublisher, withPublisherBacklog, type CheckpointStore, type Clock, type MessageBus, type Platform } from '@aftersales/kernel';
import { SqliteEventStore, SqliteReadModelStore, SqliteTimerStore } from '@aftersales/sqlite';
import { topicForEventType } from '@aftersales/contracts';

/** The adapters one process runs on, whichever bus it uses. */
export interface ProcessAdapters {
  platform: Platform;
  /** Follows this process's log onto the bus (none where the bus is the log itself). */
  publisher?: EventPublisher;
  close(): Promise<void>;
}

/** What every process keeps in its own data directory, whichever bus it uses: one SQLite file per concern. */
export interface LocalStores {
  eventStore: SqliteEventStore;
  readModels: SqliteReadModelStore;
  timers: SqliteTimerStore;
  /** Closes the timers, the read models, then the event log. */
  close(): Promise<void>;
}

export function openLocalStores(dataDir: string, clock: Clock): LocalStores {
  const eventStore = new SqliteEventStore({ path: join(dataDir, 'events.db'), clock });
  const readModels = new SqliteReadModelStore({ path: join(dataDir, 'read-models.db') });
  const timers = new SqliteTimerStore({ path: join(dataDir, 'timers.db') });
  return {
    eventStore,
    readModels,
    timers,
    async close() {
      await timers.close();
      await readModels.close();
      await eventStore.close();
    },
  };
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
}): ProcessAdapters {
  const { stores, bus, clock, settle } = options;
  const { eventStore, readModels, timers } = stores;
  const publisher = new EventPublisher({ eventStore, bus, checkpoints: options.publisherCheckpoints, topicFor: topicForEventType });
  return {
    // A group's lag counts what the publisher has not put on the bus yet (MessageBus.lag; see withPublisherBacklog).
    platform: { eventStore, readModels, timers, bus: withPublisherBacklog(bus, publisher), clock, settle },
    publisher,
    async close() {
      await publisher.stop();
      await options.closeBus();
      await stores.close();
    },
  };
}
