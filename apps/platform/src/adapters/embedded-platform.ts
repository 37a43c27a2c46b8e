import { join } from 'node:path';
import { LogMessageBus, type Clock } from '@aftersales/kernel';
import { SqliteGroupOffsets } from '@aftersales/sqlite';
import type { EventStoreConfig, ReadModelsConfig } from '../config';
import { openLocalStores, type ProcessAdapters } from './process-adapters';

export type { ProcessAdapters } from './process-adapters';

/**
 * The embedded adapters: one SQLite file per concern under the data directory. Only the event log needs fsync on
 * every commit; read models and timers are derived from it with their checkpoints. The bus is the log itself: consumer
 * groups read the committed events and keep only their positions (`bus.db`); nothing is copied, nothing published.
 */
export function openEmbeddedAdapters(
  dataDir: string,
  clock: Clock,
  settle: () => Promise<void>,
  keysPath?: string,
  eventStore?: EventStoreConfig,
  readModelsConfig?: ReadModelsConfig,
): ProcessAdapters {
  const stores = openLocalStores(dataDir, clock, { consumerOffsetsFlushFirst: true, keysPath, eventStore, readModels: readModelsConfig });
  const offsets = new SqliteGroupOffsets({ filename: join(dataDir, 'bus.db'), now: () => clock.now().getTime() });
  // Consumers read the log with the buyers' personal data opened (or `[erased]`), as every other reader does.
  const bus = new LogMessageBus({ log: stores.protectedLog, offsets, beforeCommit: () => stores.readModels.flushConsumerEffects() });
  const { protectedLog, keyring, readModels, timers } = stores;
  return {
    platform: { eventStore: protectedLog, readModels, timers, bus, clock, settle },
    keyring,
    async close() {
      await bus.close();
      await stores.close();
    },
  };
}
