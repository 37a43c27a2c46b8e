import { keyStoreContract } from '../testing/key-store.contract';
import { InMemoryKeyStore } from './in-memory-key-store';

keyStoreContract('InMemoryKeyStore', async () => {
  const store = new InMemoryKeyStore();
  return { store, reopen: async () => store, dispose: async () => undefined };
});
