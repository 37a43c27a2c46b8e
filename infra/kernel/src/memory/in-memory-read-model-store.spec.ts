import { readModelStoreContract } from '../testing/read-model-store.contract';
import { InMemoryReadModelStore } from './in-memory-read-model-store';

// Unit tests of projections and queries run on this adapter: it must page, filter and refuse like SQLite does.
readModelStoreContract('InMemoryReadModelStore', async () => {
  const store = new InMemoryReadModelStore();
  return { store, reopen: async () => store, dispose: async () => {} };
});
