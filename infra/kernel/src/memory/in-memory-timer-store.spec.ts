import { timerStoreContract } from '../testing/timer-store.contract';
import { InMemoryTimerStore } from './in-memory-timer-store';

// The scheduler's and services' unit tests run on this adapter: it must order, replace and fire timers like SQLite does.
timerStoreContract('InMemoryTimerStore', async () => {
  const store = new InMemoryTimerStore();
  return { store, reopen: async () => store, dispose: async () => {} };
});
