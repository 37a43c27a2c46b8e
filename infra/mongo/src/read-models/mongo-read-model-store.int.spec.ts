import { randomUUID } from 'node:crypto';
import { WriteBehindReadModelStore } from '@aftersales/kernel';
import { readModelStoreContract, type StoreHarness } from '@aftersales/kernel/testing';
import { MongoClient } from 'mongodb';
import { describeSource, dropTestDatabases, startTestMongo, testMongoSource, type RunningTestMongo } from '../testing';
import { BatchJournal } from './batch-journal';
import { MongoReadModelStore } from './mongo-read-model-store';
import { writeOpsOf } from './write-ops';

const source = testMongoSource();
// stderr, not console: jest does not show the console output of a file whose tests were all skipped
if (source.kind === 'none') process.stderr.write(`MongoDB read-model tests skipped: ${source.reason}\n`);
else process.stderr.write(`MongoDB read-model tests run against ${describeSource(source)}\n`);
const describeWithServer = source.kind === 'none' ? describe.skip : describe;

describeWithServer('MongoReadModelStore on a real server', () => {
  jest.setTimeout(60_000);
  let server: RunningTestMongo;
  let client: MongoClient;

  beforeAll(async () => {
    if (source.kind === 'none') return;
    server = await startTestMongo(source);
    client = new MongoClient(server.url);
  }, 180_000);
  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  /** A fresh database per test, dropped afterwards; reopening is a new store (and client) on the same database. */
  const inFreshDatabase = async (open: (url: string, database: string) => MongoReadModelStore | WriteBehindReadModelStore) => {
    const database = `rm_test_${randomUUID().slice(0, 8)}`;
    let current = open(server.url, database);
    const harness: StoreHarness<typeof current> & { database: string } = {
      database,
      get store() {
        return current;
      },
      async reopen() {
        await current.close();
        current = open(server.url, database);
        return current;
      },
      async dispose() {
        await current.close();
        await client.db(database).dropDatabase();
      },
    };
    return harness;
  };

  readModelStoreContract('MongoReadModelStore', () => inFreshDatabase((url, database) => new MongoReadModelStore({ url, database })));

  readModelStoreContract('MongoReadModelStore (journal even where the server has transactions)', () =>
    inFreshDatabase((url, database) => new MongoReadModelStore({ url, database, transactions: 'journal' })),
  );

  readModelStoreContract('WriteBehindReadModelStore over MongoReadModelStore', () =>
    inFreshDatabase((url, database) => new WriteBehindReadModelStore(new MongoReadModelStore({ url, database }))),
  );

  describe('a commit interrupted after its journal record (a crash)', () => {
    const interruptedCommit = async (database: string, orders: number, opsPerChunk: number): Promise<void> => {
      const batch = {
        projection: 'orders',
        checkpoint: 12,
        puts: Array.from({ length: orders }, (_, i) => ({ collection: 'orders', doc: { id: `o-${String(i).padStart(5, '0')}`, status: 'paid' } })),
        deletes: [],
        rows: [{ collection: 'order-notes', parentId: 'o-00000', seq: 3, value: { text: 'fragile' } }],
        processedEventIds: ['ev-12'],
      };
      await new BatchJournal(client.db(database), opsPerChunk).record(writeOpsOf([batch], new Map()));
    };

    it.each([
      ['one journal document', 1_000],
      ['several journal chunks', 4],
    ])('given %s, when the store is opened again, then the whole commit is there with its checkpoint', async (_case, opsPerChunk) => {
      const orders = 12;
      const harness = await inFreshDatabase((url, database) => new MongoReadModelStore({ url, database, transactions: 'journal' }));
      const { database } = harness;
      await harness.store.commit({ projection: 'orders', checkpoint: 5, puts: [{ collection: 'orders', doc: { id: 'o-00000', status: 'placed' } }], deletes: [] });

      await interruptedCommit(database, orders, opsPerChunk);
      const chunksLeft = await client.db(database).collection('rm_journal_chunks').countDocuments();
      const store = await harness.reopen();

      expect(await store.get('orders', 'o-00000')).toEqual({ id: 'o-00000', status: 'paid' });
      expect(await store.get('orders', `o-${String(orders - 1).padStart(5, '0')}`)).toEqual({ id: `o-${String(orders - 1).padStart(5, '0')}`, status: 'paid' });
      expect((await store.rows('order-notes', 'o-00000')).items).toEqual([{ seq: 3, value: { text: 'fragile' } }]);
      expect(await store.checkpoint('orders')).toBe(12);
      expect(await store.wasProcessed('orders', 'ev-12')).toBe(true);
      expect(chunksLeft).toBe(opsPerChunk < orders ? Math.ceil((orders + 3) / opsPerChunk) - 1 : 0);
      expect(await client.db(database).collection('rm_journal').countDocuments()).toBe(0);
      await harness.dispose();
    });

    it('given journal chunks without their commit record (a crash before the commit point), then nothing of them is applied', async () => {
      const harness = await inFreshDatabase((url, database) => new MongoReadModelStore({ url, database, transactions: 'journal' }));
      const { database } = harness;
      await harness.store.commit({ projection: 'orders', checkpoint: 5, puts: [{ collection: 'orders', doc: { id: 'o-1', status: 'placed' } }], deletes: [] });
      await client
        .db(database)
        .collection('rm_journal_chunks')
        .insertOne({ _id: 'lost:0' as never, commit: 'lost', i: 0, ops: writeOpsOf([{ projection: 'orders', checkpoint: 9, puts: [{ collection: 'orders', doc: { id: 'o-1', status: 'paid' } }], deletes: [] }], new Map()) });

      const store = await harness.reopen();

      expect(await store.get('orders', 'o-1')).toEqual({ id: 'o-1', status: 'placed' });
      expect(await store.checkpoint('orders')).toBe(5);
      expect(await client.db(database).collection('rm_journal_chunks').countDocuments()).toBe(0);
      await harness.dispose();
    });
  });

  it('given a query on a field, then the collection gets an index that serves it', async () => {
    const harness = await inFreshDatabase((url, database) => new MongoReadModelStore({ url, database }));
    const { database } = harness;
    await harness.store.commit({ projection: 'orders', checkpoint: 1, puts: [{ collection: 'orders', doc: { id: 'o-1', buyerId: 'b-1' } }], deletes: [] });

    await harness.store.find('orders', { where: { buyerId: 'b-1' } });

    const keys = (await client.db(database).collection('docs.orders').indexes()).map((index) => index.key);
    expect(keys).toContainEqual({ 'f.buyerId': 1, _id: 1 });
    await harness.dispose();
  });

  it("given a test system's databases, when they are dropped, then they are gone and others stay", async () => {
    const name = `rm_drop_${randomUUID().slice(0, 8)}`;
    for (const database of [`${name}-order`, `${name}-refund`, `${name}-kept`]) await client.db(database).collection('c').insertOne({ _id: 'x' as never });

    const dropped = await dropTestDatabases(server.url, [`${name}-order`, `${name}-refund`, `${name}-never-made`]);

    const left = (await client.db('admin').admin().listDatabases({ nameOnly: true })).databases.map((database) => database.name).filter((each) => each.startsWith(name));
    expect(dropped.sort()).toEqual([`${name}-order`, `${name}-refund`]);
    expect(left).toEqual([`${name}-kept`]);
    await client.db(`${name}-kept`).dropDatabase();
  });
});
