import { randomUUID } from 'node:crypto';
import { eventStoreContract, type StoreFactory } from '@aftersales/kernel/testing';
import { startKurrentTestServer, type KurrentTestServer } from '../testing';
import { KurrentEventStore } from './kurrent-event-store';

let server: KurrentTestServer;

beforeAll(async () => {
  server = await startKurrentTestServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

// Every test gets a namespace of its own on the one server: a fresh, empty log; reopening opens the same namespace.
const onServer =
  (recentEvents?: number): StoreFactory<KurrentEventStore> =>
  async ({ clock }) => {
    const namespace = `contract-${randomUUID()}`;
    const open = () => new KurrentEventStore({ connection: server.connectionString, clock, namespace, recentEvents });
    let store = open();
    await store.whenReady();
    return {
      get store() {
        return store;
      },
      async reopen() {
        await store.close();
        store = open();
        await store.whenReady();
        return store;
      },
      async dispose() {
        await store.close();
      },
    };
  };

eventStoreContract('KurrentEventStore', onServer());

eventStoreContract('KurrentEventStore with no recent events in memory: every read goes to the server', onServer(0));
