import { join } from 'node:path';
import { EventPublisher, type Clock, type Platform } from '@aftersales/kernel';
import { SqliteMessageBus } from '@aftersales/sqlite';
import { topicForEventType } from '@aftersales/contracts';
import { openLocalStores } from './local-stores';

/** The adapters one process runs on, whichever bus it uses. */
export interface ProcessAdapters {
  platform: Platform;
  /** Follows this process's log onto the bus. */
  publisher: EventPublisher;
  close(): Promise<void>;
}

export interface EmbeddedAdapters extends ProcessAdapters {
  bus: SqliteMessageBus;
}

/**
 * The embedded adapters: one SQLite file per concern under the data directory. Only the event log needs
 * fsync on every commit; read models and timers are derived from it with their checkpoints.
 */
export function openEmbeddedAdapters(dataDir: string, clock: Clock, settle: () => Promise<void>): EmbeddedAdapters {
  const stores = openLocalStores(dataDir, clock);
  const { eventStore, readModels, timers } = stores;
  const bus = new SqliteMessageBus({ filename: join(dataDir, 'bus.db'), now: () => clock.now().getTime() });
  const publisher = new EventPublisher({ eventStore, bus, checkpoints: bus.checkpoints, topicFor: topicForEventType });
  const platform: Platform = { eventStore, readModels, timers, bus, clock, settle };
  return {
    platform,
    publisher,
    bus,
    async close() {
      await publisher.stop();
      await bus.close();
      await stores.close();
    },
  };
}
