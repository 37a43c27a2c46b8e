import { join } from 'node:path';
import { WriteBehindReadModelStore } from '@aftersales/kernel';
import { readModelStoreContract } from '@aftersales/kernel/testing';
import { openDatabase } from '../database/open-database';
import { inTempFolder } from '../__tests__/temp-store';
import { SqliteReadModelStore } from './sqlite-read-model-store';

readModelStoreContract('SqliteReadModelStore (own file)', () =>
  inTempFolder((folder) => new SqliteReadModelStore({ path: join(folder, 'read-models.db') })),
);

readModelStoreContract('SqliteReadModelStore (shared database)', () =>
  inTempFolder((folder) => {
    const database = openDatabase(join(folder, 'shared.db'), 'FULL');
    const store = new SqliteReadModelStore({ database });
    // The shared connection belongs to whoever opened it: here the harness, right after the store.
    const closeStore = store.close.bind(store);
    store.close = async () => {
      await closeStore();
      database.close();
    };
    return store;
  }),
);

describe('SqliteReadModelStore', () => {
  it('given a shared database, when the store closes, then the database stays open for its owner', async () => {
    const harness = await inTempFolder((folder) => new SqliteReadModelStore({ path: join(folder, 'unused.db') }));
    const database = openDatabase(join(harness.folder, 'shared.db'), 'FULL');

    await new SqliteReadModelStore({ database }).close();

    expect(database.open).toBe(true);
    database.close();
    await harness.dispose();
  });

  it('given its own file, then it runs in WAL mode with synchronous NORMAL', async () => {
    const harness = await inTempFolder((folder) => new SqliteReadModelStore({ path: join(folder, 'read-models.db') }));
    const database = openDatabase(join(harness.folder, 'read-models.db'), 'NORMAL');

    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    database.close();
    await harness.dispose();
  });

  it('given a file it creates, then the file has 4 KB pages, so a small change writes a small WAL frame', async () => {
    const harness = await inTempFolder((folder) => new SqliteReadModelStore({ path: join(folder, 'read-models.db') }));
    const database = openDatabase(join(harness.folder, 'read-models.db'), 'NORMAL');

    expect(database.pragma('page_size', { simple: true })).toBe(4_096);
    database.close();
    await harness.dispose();
  });

  it('given a filter on a field name that is not an identifier, then it is refused as invalid input', async () => {
    const harness = await inTempFolder((folder) => new SqliteReadModelStore({ path: join(folder, 'read-models.db') }));

    await expect(harness.store.find('orders', { where: { "x') OR 1=1 --": 'a' } })).rejects.toMatchObject({ kind: 'invalid' });
    await harness.dispose();
  });

  it('given a range on a field name that is not an identifier, then it is refused as invalid input', async () => {
    const harness = await inTempFolder((folder) => new SqliteReadModelStore({ path: join(folder, 'read-models.db') }));

    await expect(harness.store.find('orders', { range: { field: "x') OR 1=1 --", from: 'a' } })).rejects.toMatchObject({ kind: 'invalid' });
    await harness.dispose();
  });
});

readModelStoreContract('SqliteReadModelStore (writer thread)', () =>
  inTempFolder((folder) => new SqliteReadModelStore({ path: join(folder, 'read-models.db') }, { writerThread: true })),
);

readModelStoreContract('WriteBehindReadModelStore over SqliteReadModelStore (writer thread)', () =>
  inTempFolder((folder) => new WriteBehindReadModelStore(new SqliteReadModelStore({ path: join(folder, 'read-models.db') }, { writerThread: true }))),
);
