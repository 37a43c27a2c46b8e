import { eventStoreContract } from '../testing/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

// Every unit test of application code runs on this adapter: it must append, refuse and replay like SQLite does.
// Its storage is the instance itself, so "reopening" hands back the same store, as a restart of the test would not lose it.
eventStoreContract('InMemoryEventStore', async ({ clock }) => {
  const store = new InMemoryEventStore(clock);
  return { store, reopen: async () => store, dispose: async () => {} };
});
