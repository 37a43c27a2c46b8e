import { join } from 'node:path';
import type { Clock } from '@aftersales/kernel';
import { SqliteEventStore, SqliteReadModelStore, SqliteTimerStore } from '@aftersales/sqlite';

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
