import { InMemoryReadModelStore } from '../memory/in-memory-read-model-store';
import type { Document, ReadModelBatch } from '../ports/read-model-store';
import { readModelStoreContract } from '../testing/read-model-store.contract';
import { waitUntil } from '../support/wait-until';
import { WriteBehindReadModelStore } from './write-behind-read-models';

// Held batches are written on close, so a reopen sees everything: the contract holds as for any store.
readModelStoreContract('WriteBehindReadModelStore over InMemoryReadModelStore', async () => {
  const inner = new InMemoryReadModelStore();
  let store = new WriteBehindReadModelStore(inner);
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.flush();
      store = new WriteBehindReadModelStore(inner);
      return store;
    },
    dispose: () => store.close(),
  };
});

const order = (id: string, fields: Record<string, unknown> = {}): Document => ({ id, status: 'placed', ...fields });
const batch = (changes: Partial<ReadModelBatch> & { checkpoint: number }): ReadModelBatch => ({ projection: 'orders', puts: [], deletes: [], ...changes });
const put = (...docs: Document[]): ReadModelBatch['puts'] => docs.map((doc) => ({ collection: 'orders', doc }));

/** An in-memory store that counts its commits and can be told to fail the next ones. */
class CountingStore extends InMemoryReadModelStore {
  commits = 0;
  failNext = 0;

  override async commitAll(batches: readonly ReadModelBatch[]): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('disk full');
    }
    this.commits++;
    await super.commitAll(batches);
  }
}

describe('WriteBehindReadModelStore', () => {
  let inner: CountingStore;
  let store: WriteBehindReadModelStore;

  beforeEach(() => {
    inner = new CountingStore();
    store = new WriteBehindReadModelStore(inner, { maxDelayMs: 60_000, maxPending: 100 });
  });

  afterEach(() => store.close());

  it('given committed batches, then they are read back at once while the store they are written to has none of them yet', async () => {
    await store.commit(batch({ checkpoint: 1, puts: put(order('o-1')) }));
    await store.commit(batch({ checkpoint: 2, puts: put(order('o-1', { status: 'paid' })) }));

    expect(await store.get('orders', 'o-1')).toEqual(order('o-1', { status: 'paid' }));
    expect(await store.checkpoint('orders')).toBe(2);
    expect(await inner.get('orders', 'o-1')).toBeUndefined();
    expect(await inner.checkpoint('orders')).toBe(0);
  });

  it('given held batches of two projections, when they are flushed, then one commit writes both with their checkpoints', async () => {
    await store.commit(batch({ checkpoint: 1, puts: put(order('o-1')) }));
    await store.commit(batch({ projection: 'payouts', checkpoint: 3, puts: [{ collection: 'payouts', doc: order('p-1') }] }));
    await store.commit(batch({ checkpoint: 4, deletes: [{ collection: 'orders', id: 'o-1' }], puts: put(order('o-2')) }));

    await store.flush();

    expect(inner.commits).toBe(1);
    expect(await inner.get('orders', 'o-1')).toBeUndefined();
    expect(await inner.get('orders', 'o-2')).toEqual(order('o-2'));
    expect({ orders: await inner.checkpoint('orders'), payouts: await inner.checkpoint('payouts') }).toEqual({ orders: 4, payouts: 3 });
  });

  it('given a held batch, when the process stops without writing it, then the store resumes from the last written checkpoint', async () => {
    await store.commit(batch({ checkpoint: 1, puts: put(order('o-1')) }));
    await store.flush();
    await store.commit(batch({ checkpoint: 2, puts: put(order('o-1', { status: 'paid' })) }));

    const afterCrash = new WriteBehindReadModelStore(inner);

    expect(await afterCrash.checkpoint('orders')).toBe(1);
    expect(await afterCrash.get('orders', 'o-1')).toEqual(order('o-1'));
  });

  it('given a short delay, when it passes, then the held batches are written without anyone asking', async () => {
    const quick = new WriteBehindReadModelStore(inner, { maxDelayMs: 10 });
    await quick.commit(batch({ checkpoint: 5, puts: put(order('o-1')) }));

    await waitUntil(() => inner.checkpoint('orders'), (checkpoint) => checkpoint === 5, { timeoutMs: 2_000, intervalMs: 5 });

    expect(await inner.get('orders', 'o-1')).toEqual(order('o-1'));
    await quick.close();
  });

  it('given more held documents than allowed, when another batch is committed, then everything held is written', async () => {
    const small = new WriteBehindReadModelStore(inner, { maxDelayMs: 60_000, maxPending: 2 });
    await small.commit(batch({ checkpoint: 1, puts: put(order('o-1')) }));
    expect(inner.commits).toBe(0);

    await small.commit(batch({ checkpoint: 2, puts: put(order('o-2')) }));

    expect(inner.commits).toBe(1);
    expect(await inner.checkpoint('orders')).toBe(2);
    await small.close();
  });

  it('given a batch with processed ids, then it is written at once after its own projection’s held batches, and other projections keep waiting', async () => {
    await store.commit(batch({ projection: 'feed', checkpoint: 1, puts: [{ collection: 'feed', doc: order('f-1') }] }));
    await store.commit(batch({ checkpoint: 7, puts: put(order('o-1')) }));

    await store.commit(batch({ projection: 'feed', checkpoint: 2, puts: [{ collection: 'feed', doc: order('f-2') }], processedEventIds: ['ev-2'] }));

    expect(await inner.wasProcessed('feed', 'ev-2')).toBe(true);
    expect((await inner.find('feed', {})).items.map((d) => d.id)).toEqual(['f-1', 'f-2']);
    expect(await inner.checkpoint('feed')).toBe(2);
    expect(await inner.checkpoint('orders')).toBe(0);
  });

  it('given a rebuild’s batch, then it is written at once, after its projection’s held batches, and other projections keep waiting', async () => {
    await store.commit(batch({ checkpoint: 1, puts: put(order('o-1')) }));
    await store.commit(batch({ projection: 'payouts', checkpoint: 2, puts: [{ collection: 'payouts', doc: order('p-1') }] }));

    await store.commit(batch({ checkpoint: 3, puts: put(order('o-2')), rebuild: true }));

    expect(inner.commits).toBe(1);
    expect({ o1: await inner.get('orders', 'o-1'), o2: await inner.get('orders', 'o-2') }).toEqual({ o1: order('o-1'), o2: order('o-2') });
    expect({ orders: await inner.checkpoint('orders'), payouts: await inner.checkpoint('payouts') }).toEqual({ orders: 3, payouts: 0 });
  });

  it('given held documents and rows, then a query and a page of rows see them', async () => {
    await store.commit(batch({ checkpoint: 1, puts: put(order('o-1'), order('o-2')) }));
    await store.commit(batch({ checkpoint: 2, rows: [{ collection: 'order-notes', parentId: 'o-1', seq: 4, value: { text: 'called' } }] }));

    const found = await store.find('orders', { where: { status: 'placed' } });
    const rows = await store.rows('order-notes', 'o-1');

    expect(found.items.map((d) => d.id)).toEqual(['o-1', 'o-2']);
    expect(rows.items).toEqual([{ seq: 4, value: { text: 'called' } }]);
  });

  it('given a held document read back, when the caller changes its copy, then what is read and written next is unchanged', async () => {
    const doc = order('o-1', { notes: ['a'] });
    await store.commit(batch({ checkpoint: 1, puts: put(doc) }));

    const read = await store.get<Document & { notes: string[] }>('orders', 'o-1');
    read?.notes.push('b');
    (doc.notes as string[]).push('c');
    await store.flush();

    expect(await store.get('orders', 'o-1')).toEqual(order('o-1', { notes: ['a'] }));
    expect(await inner.get('orders', 'o-1')).toEqual(order('o-1', { notes: ['a'] }));
  });

  it('given a shared put, when it is read read-only, then the held object itself is answered; other reads get copies', async () => {
    const doc = order('o-1', { notes: ['a'] });
    await store.commit(batch({ checkpoint: 1, puts: [{ collection: 'orders', doc, shared: true }] }));

    const readOnly = await store.get('orders', 'o-1', { readOnly: true });
    const copy = await store.get<Document & { notes: string[] }>('orders', 'o-1');
    copy?.notes.push('b');
    await store.flush();

    expect(readOnly).toBe(doc);
    expect(copy).not.toBe(doc);
    expect(await inner.get('orders', 'o-1')).toEqual(order('o-1', { notes: ['a'] }));
  });

  it('given a failed write, then the batches are held again under what was committed since, and the next write stores the newest', async () => {
    await store.commit(batch({ checkpoint: 1, puts: put(order('o-1', { status: 'placed' }), order('o-2')) }));
    inner.failNext = 1;

    await expect(store.flush()).rejects.toThrow('disk full');
    await store.commit(batch({ checkpoint: 2, puts: put(order('o-1', { status: 'paid' })) }));
    await store.flush();

    expect(await inner.get('orders', 'o-1')).toEqual(order('o-1', { status: 'paid' }));
    expect(await inner.get('orders', 'o-2')).toEqual(order('o-2'));
    expect(await inner.checkpoint('orders')).toBe(2);
  });

  it('given a batch whose document cannot be serialised, then it is refused and nothing of it is held', async () => {
    const circular: Document = order('o-bad');
    circular.self = circular;
    await store.commit(batch({ checkpoint: 1, puts: put(order('o-1')) }));

    await expect(store.commit(batch({ checkpoint: 2, puts: [...put(order('o-2')), { collection: 'orders', doc: circular }] }))).rejects.toThrow();

    expect(await store.checkpoint('orders')).toBe(1);
    expect(await store.get('orders', 'o-2')).toBeUndefined();
  });

  it('given a store that holds processed ids, when a consumer commits an effect, then the event counts as processed at once and is written with the next flush', async () => {
    const holding = new WriteBehindReadModelStore(inner, { maxDelayMs: 60_000, holdProcessedIds: true });
    await holding.commit(batch({ projection: 'feed', checkpoint: 1, puts: [{ collection: 'feed', doc: order('f-1') }], processedEventIds: ['ev-1'] }));

    const processedBeforeFlush = { held: await holding.wasProcessed('feed', 'ev-1'), written: await inner.wasProcessed('feed', 'ev-1') };
    await holding.flush();

    expect(processedBeforeFlush).toEqual({ held: true, written: false });
    expect(await inner.wasProcessed('feed', 'ev-1')).toBe(true);
    expect(await inner.get('feed', 'f-1')).toEqual(order('f-1'));
    await holding.close();
  });

  it('given held effects of a consumer and held batches of a projection, when the consumer effects are flushed, then only the consumer’s are written', async () => {
    const holding = new WriteBehindReadModelStore(inner, { maxDelayMs: 60_000, holdProcessedIds: true });
    await holding.commit(batch({ projection: 'feed', checkpoint: 1, puts: [{ collection: 'feed', doc: order('f-1') }], processedEventIds: ['ev-1'] }));
    await holding.commit(batch({ checkpoint: 2, puts: put(order('o-1')) }));

    await holding.flushConsumerEffects();

    expect(await inner.wasProcessed('feed', 'ev-1')).toBe(true);
    expect(await inner.get('orders', 'o-1')).toBeUndefined();
    expect(await holding.get('orders', 'o-1')).toEqual(order('o-1'));
    await holding.close();
  });
});
