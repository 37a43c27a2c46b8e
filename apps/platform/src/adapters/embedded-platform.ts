import { join } from 'node:path';
import type { Clock } from '@aftersales/kernel';
import { SqliteMessageBus } from '@aftersales/sqlite';
import { openLocalStores, processAdapters, type ProcessAdapters } from './process-adapters';

export type { ProcessAdapters } from './process-adapters';

export interface EmbeddedAdapters extends ProcessAdapters {
  bus: SqliteMessageBus;
}

/**
 * The embedded adapters: one SQLite file per concern under the data directory. Only the event log needs
 * fsync on every commit; read models and timers are derived from it with their checkpoints.
 */
export function openEmbeddedAdapters(dataDir: string, clock: Clock, settle: () => Promise<void>): EmbeddedAdapters {
  const stores = openLocalStores(dataDir, clock);
  const bus = new SqliteMessageBus({ filename: join(dataDir, 'bus.db'), now: () => clock.now().getTime() });
  return { ...processAdapters({ stores, bus, closeBus: () => bus.close(), publisherCheckpoints: bus.checkpoints, clock, settle }), bus };
}
