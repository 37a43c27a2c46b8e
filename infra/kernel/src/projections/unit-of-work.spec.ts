import { InMemoryReadModelStore } from '../memory/in-memory-read-model-store';
import type { Document, ReadOptions } from '../ports/read-model-store';
import { BufferedUnitOfWork } from './unit-of-work';

describe('BufferedUnitOfWork rows', () => {
  it('given rows and a document put, when the batch is taken, then it carries them all and the unit of work starts empty', () => {
    const uow = new BufferedUnitOfWork(new InMemoryReadModelStore());
    uow.put('orders', { id: 'o-1' });
    uow.putRow('order-notes', 'o-1', 1, { text: 'a' });
    uow.putRow('order-notes', 'o-1', 2, { text: 'b' });

    const batch = uow.toBatch('orders', 9);

    expect(batch).toMatchObject({
      checkpoint: 9,
      puts: [{ collection: 'orders', doc: { id: 'o-1' } }],
      rows: [
        { collection: 'order-notes', parentId: 'o-1', seq: 1, value: { text: 'a' } },
        { collection: 'order-notes', parentId: 'o-1', seq: 2, value: { text: 'b' } },
      ],
    });
    expect({ size: uow.size, rows: uow.toBatch('orders', 9).rows }).toEqual({ size: 0, rows: undefined });
  });

  it('given documents and rows pending, then the size is the larger of the documents and the rows at 8 per document', () => {
    const uow = new BufferedUnitOfWork(new InMemoryReadModelStore());
    uow.put('orders', { id: 'o-1' });
    uow.put('orders', { id: 'o-2' });
    const sizes = [uow.size];
    for (let seq = 1; seq <= 24; seq++) uow.putRow('timelines', 'o-1', seq, {});
    sizes.push(uow.size);

    expect(sizes).toEqual([2, 3]);
  });
});

describe('BufferedUnitOfWork rebuilding collections', () => {
  /** The store with a stale document, counting the documents read from it. */
  function storeWithStaleDocument(): { store: InMemoryReadModelStore; reads: string[] } {
    const store = new InMemoryReadModelStore();
    const reads: string[] = [];
    const get = store.get.bind(store);
    store.get = (collection, id) => {
      reads.push(id);
      return get(collection, id);
    };
    return { store, reads };
  }

  it('given a rebuild past its first commit, when documents are read, then only those it committed are read from the store', async () => {
    const { store, reads } = storeWithStaleDocument();
    await store.commit({ projection: 'orders', checkpoint: 1, puts: [{ collection: 'orders', doc: { id: 'stale' } }], deletes: [] });
    const uow = new BufferedUnitOfWork(store, { resetCollections: ['orders'] });
    uow.put('orders', { id: 'o-1', n: 1 });
    await store.commit(uow.toBatch('orders', 2));

    const seen = [await uow.get('orders', 'o-1'), await uow.get('orders', 'o-2'), await uow.get('orders', 'stale')];

    expect(seen).toEqual([{ id: 'o-1', n: 1 }, undefined, undefined]);
    expect(reads).toEqual(['o-1']);
  });

  it('given collections not rebuilt, when a document is missing from the batch, then the store is asked', async () => {
    const { store, reads } = storeWithStaleDocument();
    await store.commit({ projection: 'p', checkpoint: 1, puts: [{ collection: 'other', doc: { id: 'kept' } }], deletes: [] });
    const uow = new BufferedUnitOfWork(store, { resetCollections: ['orders'] });

    const seen = await uow.get('other', 'kept');

    expect({ seen, reads }).toEqual({ seen: { id: 'kept' }, reads: ['kept'] });
  });
});

/** Remembers the options of every read. */
class ReadRecordingStore extends InMemoryReadModelStore {
  readonly reads: (ReadOptions | undefined)[] = [];

  override async get<T extends Document>(collection: string, id: string, options?: ReadOptions): Promise<T | undefined> {
    this.reads.push(options);
    return super.get<T>(collection, id);
  }
}

describe('BufferedUnitOfWork of a projection that shares its documents', () => {
  it('given sharesDocuments, then its store reads are read-only and its puts are shared with the store', async () => {
    const store = new ReadRecordingStore();
    const uow = new BufferedUnitOfWork(store, { sharesDocuments: true });

    await uow.get('orders', 'o-1');
    uow.put('orders', { id: 'o-1' });

    expect(store.reads).toEqual([{ readOnly: true }]);
    expect(uow.toBatch('orders', 1).puts).toEqual([{ collection: 'orders', doc: { id: 'o-1' }, shared: true }]);
  });

  it('given no sharesDocuments, then its reads and puts ask for copies as before', async () => {
    const store = new ReadRecordingStore();
    const uow = new BufferedUnitOfWork(store);

    await uow.get('orders', 'o-1');
    uow.put('orders', { id: 'o-1' });

    expect(store.reads).toEqual([undefined]);
    expect(uow.toBatch('orders', 1).puts).toEqual([{ collection: 'orders', doc: { id: 'o-1' } }]);
  });
});
