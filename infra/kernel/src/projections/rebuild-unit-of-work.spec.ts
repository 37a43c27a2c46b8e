import { InMemoryReadModelStore } from '../memory';
import { RebuildUnitOfWork } from './rebuild-unit-of-work';

/** A store whose reads are recorded, holding one stale document from before the rebuild. */
async function storeWithStaleDocument(): Promise<{ store: InMemoryReadModelStore; reads: string[] }> {
  const store = new InMemoryReadModelStore();
  await store.commit({ projection: 'p', checkpoint: 9, puts: [{ collection: 'c', doc: { id: 'stale' } }], deletes: [] });
  const reads: string[] = [];
  const get = store.get.bind(store);
  store.get = (collection, id) => {
    reads.push(id);
    return get(collection, id);
  };
  return { store, reads };
}

describe('RebuildUnitOfWork', () => {
  it('given rows put during a rebuild, when the batch commits, then the rows are in it once and the next batch has none', async () => {
    const { store } = await storeWithStaleDocument();
    const uow = new RebuildUnitOfWork(store, { collections: ['c'], cacheDocuments: 10 });
    uow.putRow('c-rows', 'parent-1', 1, { text: 'first' });
    uow.putRow('c-rows', 'parent-1', 2, { text: 'second' });

    const first = uow.toBatch('p', 5);
    await store.commit(first);
    const second = uow.toBatch('p', 6);

    expect(first.rows).toEqual([
      { collection: 'c-rows', parentId: 'parent-1', seq: 1, value: { text: 'first' } },
      { collection: 'c-rows', parentId: 'parent-1', seq: 2, value: { text: 'second' } },
    ]);
    expect(second.rows).toBeUndefined();
    expect((await store.rows('c-rows', 'parent-1')).items.map((row) => row.seq)).toEqual([1, 2]);
  });

  it('given a rebuild not committed yet, then the old read model is not read: a document it does not hold does not exist', async () => {
    const { store, reads } = await storeWithStaleDocument();
    const uow = new RebuildUnitOfWork(store, { collections: ['c'], cacheDocuments: 10 });

    expect(await uow.get('c', 'stale')).toBeUndefined();
    expect(reads).toEqual([]);
  });

  it('given documents dropped from the cache after a commit, then only those written are read back, deleted ones are not', async () => {
    const { store, reads } = await storeWithStaleDocument();
    const uow = new RebuildUnitOfWork(store, { collections: ['c'], cacheDocuments: 0 });
    uow.put('c', { id: 'kept', n: 1 });
    uow.put('c', { id: 'gone', n: 1 });
    uow.delete('c', 'gone');
    await store.commit(uow.toBatch('p', 3));

    expect(uow.size).toBe(0);
    expect(await uow.get('c', 'kept')).toEqual({ id: 'kept', n: 1 });
    expect(await uow.get('c', 'gone')).toBeUndefined();
    expect(await uow.get('c', 'never')).toBeUndefined();
    expect(reads).toEqual(['kept']);
  });

  it('given thousands of ids written and dropped from the cache, then each is read back and an id never written is not', async () => {
    const { store, reads } = await storeWithStaleDocument();
    const uow = new RebuildUnitOfWork(store, { collections: ['c'], cacheDocuments: 0, rememberedIds: 5_000 });
    const ids = Array.from({ length: 5_000 }, (_, n) => `order-${n}`);
    for (const id of ids) uow.put('c', { id });
    await store.commit(uow.toBatch('p', ids.length));

    for (const id of ids) expect(await uow.get('c', id)).toEqual({ id });
    const neverWritten = Array.from({ length: 1_000 }, (_, n) => `order-x${n}`);
    for (const id of neverWritten) expect(await uow.get('c', id)).toBeUndefined();
    expect(reads.length - ids.length).toBeLessThan(50); // false positives of the filter: about 1 %, not all
  });

  it('given a collection the rebuild does not reset, then a miss asks the store', async () => {
    const { store, reads } = await storeWithStaleDocument();
    const uow = new RebuildUnitOfWork(store, { collections: ['other'], cacheDocuments: 10 });

    expect(await uow.get('c', 'stale')).toEqual({ id: 'stale' });
    expect(reads).toEqual(['stale']);
  });
});
