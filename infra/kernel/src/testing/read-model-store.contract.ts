import { DomainError } from '../errors';
import { ManualClock } from '../ports/clock';
import type { Document, ReadModelBatch, ReadModelStore } from '../ports/read-model-store';
import type { StoreFactory, StoreHarness } from './store-harness';

const batchOf = (changes: Partial<ReadModelBatch> & { checkpoint: number }): ReadModelBatch => ({
  projection: 'orders',
  puts: [],
  deletes: [],
  ...changes,
});

const order = (id: string, fields: Record<string, unknown> = {}): Document => ({ id, status: 'placed', ...fields });

/** Puts of these documents into one collection. */
const putsInto = (collection: string, ...docs: Document[]): ReadModelBatch['puts'] => docs.map((doc) => ({ collection, doc }));

const ids = (docs: Document[]): string[] => docs.map((d) => d.id);

/** Zero-padded ids sort the same as strings and as numbers, which keeps expected pages readable. */
const orderId = (n: number): string => `o-${String(n).padStart(4, '0')}`;

/** The behaviour every ReadModelStore adapter must have. */
export function readModelStoreContract(name: string, makeStore: StoreFactory<ReadModelStore>): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let harness: StoreHarness<ReadModelStore>;
    let store: ReadModelStore;

    beforeEach(async () => {
      harness = await makeStore({ clock: new ManualClock(new Date('2025-03-01T10:00:00.000Z')) });
      store = harness.store;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    describe('documents and checkpoints', () => {
      it('given an empty store, then nothing is found, the checkpoint is 0 and no event was processed', async () => {
        expect(await store.get('orders', 'o-1')).toBeUndefined();
        expect(await store.find('orders', {})).toEqual({ items: [] });
        expect(await store.checkpoint('orders')).toBe(0);
        expect(await store.wasProcessed('orders', 'ev-1')).toBe(false);
      });

      it('given a committed batch, then its documents, checkpoint and processed ids are all visible', async () => {
        const doc = order('o-1', { total: { amount: 1250, currency: 'EUR' }, lines: [{ sku: 'a', qty: 2 }], note: null });

        await store.commit(batchOf({ checkpoint: 7, puts: [{ collection: 'orders', doc }], processedEventIds: ['ev-1', 'ev-2'] }));

        expect(await store.get('orders', 'o-1')).toEqual(doc);
        expect(await store.checkpoint('orders')).toBe(7);
        expect(await store.wasProcessed('orders', 'ev-1')).toBe(true);
        expect(await store.wasProcessed('orders', 'ev-2')).toBe(true);
        expect(await store.wasProcessed('orders', 'ev-3')).toBe(false);
        expect(await store.wasProcessed('shipments', 'ev-1')).toBe(false);
      });

      it('given a document, when a later batch puts it again and deletes another, then the latest version wins and the other is gone', async () => {
        await store.commit(batchOf({ checkpoint: 1, puts: putsInto('orders', order('o-1'), order('o-2')) }));

        await store.commit(
          batchOf({
            checkpoint: 2,
            puts: [{ collection: 'orders', doc: order('o-1', { status: 'paid' }) }],
            deletes: [{ collection: 'orders', id: 'o-2' }],
          }),
        );

        expect(await store.get('orders', 'o-1')).toEqual(order('o-1', { status: 'paid' }));
        expect(await store.get('orders', 'o-2')).toBeUndefined();
        expect(await store.checkpoint('orders')).toBe(2);
      });

      it('given the same id in two collections, then they are separate documents', async () => {
        await store.commit(
          batchOf({
            checkpoint: 1,
            puts: [
              { collection: 'orders', doc: order('x-1') },
              { collection: 'order-notes', doc: { id: 'x-1', text: 'fragile' } },
            ],
          }),
        );

        expect(await store.get('orders', 'x-1')).toEqual(order('x-1'));
        expect(await store.get('order-notes', 'x-1')).toEqual({ id: 'x-1', text: 'fragile' });
        expect(ids((await store.find('orders', {})).items)).toEqual(['x-1']);
      });

      it('given a batch that cannot be stored, when committed, then it rejects and none of it is applied', async () => {
        await store.commit(batchOf({ checkpoint: 3, puts: [{ collection: 'orders', doc: order('o-1') }], processedEventIds: ['ev-1'] }));
        const circular: Document = order('o-bad');
        circular.self = circular;

        await expect(
          store.commit(
            batchOf({
              checkpoint: 4,
              puts: [
                { collection: 'orders', doc: order('o-2') },
                { collection: 'orders', doc: circular },
              ],
              deletes: [{ collection: 'orders', id: 'o-1' }],
              processedEventIds: ['ev-2'],
            }),
          ),
        ).rejects.toThrow();

        expect(await store.get('orders', 'o-1')).toEqual(order('o-1'));
        expect(await store.get('orders', 'o-2')).toBeUndefined();
        expect(await store.checkpoint('orders')).toBe(3);
        expect(await store.wasProcessed('orders', 'ev-2')).toBe(false);
      });
    });

    describe('find', () => {
      beforeEach(async () => {
        await store.commit(
          batchOf({
            checkpoint: 1,
            puts: [
              { collection: 'orders', doc: order('o-3', { buyerId: 'b-1', total: 500, express: true, note: null }) },
              { collection: 'orders', doc: order('o-1', { buyerId: 'b-1', total: 1250, express: false, note: 'gift' }) },
              { collection: 'orders', doc: order('o-2', { buyerId: 'b-2', total: 500, express: true, status: 'paid' }) },
              { collection: 'orders', doc: order('o-4', { buyerId: 'b-1', total: '500', express: 'true' }) },
              { collection: 'shipments', doc: { id: 's-1', buyerId: 'b-1' } },
            ],
          }),
        );
      });

      it('given no filter, then every document of the collection comes back ordered by id', async () => {
        expect(ids((await store.find('orders', {})).items)).toEqual(['o-1', 'o-2', 'o-3', 'o-4']);
      });

      it.each<[string, Record<string, string | number | boolean | null>, string[]]>([
        ['a string', { buyerId: 'b-1' }, ['o-1', 'o-3', 'o-4']],
        ['a number, not its string form', { total: 500 }, ['o-2', 'o-3']],
        ['a boolean, not its string form', { express: true }, ['o-2', 'o-3']],
        ['false', { express: false }, ['o-1']],
        ['a number, which never matches a boolean', { express: 1 }, []],
        ['null, which also matches a missing field', { note: null }, ['o-2', 'o-3', 'o-4']],
        ['several fields at once', { buyerId: 'b-1', total: 500 }, ['o-3']],
        ['a value nobody has', { buyerId: 'b-9' }, []],
      ])('given a filter on %s, then only the matching documents come back', async (_case, where, expected) => {
        expect(ids((await store.find('orders', { where })).items)).toEqual(expected);
      });

      it('given a limit, then pages follow each other through the cursor until there is no next cursor', async () => {
        const first = await store.find('orders', { limit: 3 });
        const second = await store.find('orders', { limit: 3, cursor: first.nextCursor });

        expect(ids(first.items)).toEqual(['o-1', 'o-2', 'o-3']);
        expect(first.nextCursor).toEqual(expect.any(String));
        expect(ids(second.items)).toEqual(['o-4']);
        expect(second.nextCursor).toBeUndefined();
      });

      it('given a filter and a cursor, then paging keeps the filter', async () => {
        const first = await store.find('orders', { where: { buyerId: 'b-1' }, limit: 2 });
        const second = await store.find('orders', { where: { buyerId: 'b-1' }, limit: 2, cursor: first.nextCursor });

        expect(ids(first.items)).toEqual(['o-1', 'o-3']);
        expect(ids(second.items)).toEqual(['o-4']);
        expect(second.nextCursor).toBeUndefined();
      });

      it('given a page that exactly ends the results, then it has no next cursor', async () => {
        expect((await store.find('orders', { limit: 4 })).nextCursor).toBeUndefined();
      });

      it('given a cursor that was not issued by the store, then it is refused as invalid input', async () => {
        const refusal = await store.find('orders', { cursor: '%%not-a-cursor%%' }).then(
          () => undefined,
          (error: unknown) => error,
        );

        expect(refusal).toBeInstanceOf(DomainError);
        expect(refusal).toMatchObject({ kind: 'invalid' });
      });
    });

    describe('ranges', () => {
      const entry = (id: string, fields: Record<string, unknown>): Document => ({ id, ...fields });

      beforeEach(async () => {
        await store.commit(
          batchOf({
            checkpoint: 1,
            puts: [
              { collection: 'entries', doc: entry('je_2026-11-01T10:00:00.000Z_p1', { shopId: 's-1', paidAt: '2026-11-01T10:00:00.000Z' }) },
              { collection: 'entries', doc: entry('je_2026-11-02T00:00:00.000Z_p2', { shopId: 's-2', paidAt: '2026-11-02T00:00:00.000Z' }) },
              { collection: 'entries', doc: entry('je_2026-11-02T09:30:00.000Z_p3', { shopId: 's-1', paidAt: '2026-11-02T09:30:00.000Z' }) },
              { collection: 'entries', doc: entry('je_2026-11-02T23:59:59.999Z_p4', { shopId: 's-1', paidAt: '2026-11-02T23:59:59.999Z' }) },
              { collection: 'entries', doc: entry('je_2026-11-03T00:00:00.000Z_p5', { shopId: 's-1', paidAt: '2026-11-03T00:00:00.000Z' }) },
              { collection: 'entries', doc: entry('x-no-time', { shopId: 's-1', paidAt: 20261102 }) },
              { collection: 'entries', doc: entry('y-no-field', { shopId: 's-1' }) },
              { collection: 'other', doc: entry('je_2026-11-02T12:00:00.000Z_p9', { paidAt: '2026-11-02T12:00:00.000Z' }) },
            ],
          }),
        );
      });

      const day2 = { from: '2026-11-02T00:00:00.000Z', before: '2026-11-03T00:00:00.000Z' };

      it('given a range on a field, then documents from its start (inclusive) to its end (exclusive) come back, ordered by id', async () => {
        const page = await store.find('entries', { range: { field: 'paidAt', ...day2 } });

        expect(ids(page.items)).toEqual(['je_2026-11-02T00:00:00.000Z_p2', 'je_2026-11-02T09:30:00.000Z_p3', 'je_2026-11-02T23:59:59.999Z_p4']);
      });

      it('given a range on the id, then it bounds the ids the same way', async () => {
        const page = await store.find('entries', { range: { field: 'id', from: 'je_2026-11-02T00:00:00.000Z', before: 'je_2026-11-03T00:00:00.000Z' } });

        expect(ids(page.items)).toEqual(['je_2026-11-02T00:00:00.000Z_p2', 'je_2026-11-02T09:30:00.000Z_p3', 'je_2026-11-02T23:59:59.999Z_p4']);
      });

      it.each<[string, { from?: string; before?: string }, string[]]>([
        ['only a start', { from: '2026-11-02T23:59:59.999Z' }, ['je_2026-11-02T23:59:59.999Z_p4', 'je_2026-11-03T00:00:00.000Z_p5']],
        ['only an end', { before: '2026-11-02T00:00:00.000Z' }, ['je_2026-11-01T10:00:00.000Z_p1']],
        ['an end before its start', { from: '2026-11-03T00:00:00.000Z', before: '2026-11-02T00:00:00.000Z' }, []],
      ])('given a range with %s, then only what lies in it comes back', async (_case, bounds, expected) => {
        expect(ids((await store.find('entries', { range: { field: 'paidAt', ...bounds } })).items)).toEqual(expected);
      });

      it('given a range without bounds, then documents whose field is missing or not a string are outside it', async () => {
        const page = await store.find('entries', { range: { field: 'paidAt' } });

        expect(page.items).toHaveLength(5);
        expect(ids(page.items)).not.toContain('x-no-time');
        expect(ids(page.items)).not.toContain('y-no-field');
      });

      it('given a range, a filter and a limit, then pages follow each other inside both', async () => {
        const query = { where: { shopId: 's-1' }, range: { field: 'id', from: 'je_2026-11-01T12:00:00.000Z', before: 'je_9' }, limit: 1 };
        const first = await store.find('entries', query);
        const second = await store.find('entries', { ...query, cursor: first.nextCursor });
        const third = await store.find('entries', { ...query, cursor: second.nextCursor });

        expect([...ids(first.items), ...ids(second.items), ...ids(third.items)]).toEqual([
          'je_2026-11-02T09:30:00.000Z_p3',
          'je_2026-11-02T23:59:59.999Z_p4',
          'je_2026-11-03T00:00:00.000Z_p5',
        ]);
        expect(third.nextCursor).toBeUndefined();
      });
    });

    describe('page sizes', () => {
      const putOrders = async (count: number): Promise<void> => {
        const puts = Array.from({ length: count }, (_, i) => ({ collection: 'orders', doc: order(orderId(i)) }));
        await store.commit(batchOf({ checkpoint: 1, puts }));
      };

      it('given 60 documents and no limit, then a page holds 50', async () => {
        await putOrders(60);

        const page = await store.find('orders', {});

        expect(page.items).toHaveLength(50);
        expect(page.items[49].id).toBe(orderId(49));
        expect(page.nextCursor).toEqual(expect.any(String));
      });

      it('given 520 documents and a limit above 500, then a page holds at most 500', async () => {
        await putOrders(520);

        const page = await store.find('orders', { limit: 10_000 });
        const rest = await store.find('orders', { limit: 10_000, cursor: page.nextCursor });

        expect(page.items).toHaveLength(500);
        expect(ids(rest.items)).toEqual(Array.from({ length: 20 }, (_, i) => orderId(500 + i)));
      });
    });

    describe('reset', () => {
      it('given two projections, when one is reset, then its collections, checkpoint and processed ids are gone and the other is untouched', async () => {
        await store.commit(batchOf({ checkpoint: 5, puts: [{ collection: 'orders', doc: order('o-1') }], processedEventIds: ['ev-1'] }));
        await store.commit(
          batchOf({ projection: 'shipments', checkpoint: 6, puts: putsInto('shipments', { id: 's-1' }), processedEventIds: ['ev-1'] }),
        );

        await store.reset('orders', ['orders']);

        expect(await store.get('orders', 'o-1')).toBeUndefined();
        expect(await store.checkpoint('orders')).toBe(0);
        expect(await store.wasProcessed('orders', 'ev-1')).toBe(false);
        expect(await store.get('shipments', 's-1')).toEqual({ id: 's-1' });
        expect(await store.checkpoint('shipments')).toBe(6);
        expect(await store.wasProcessed('shipments', 'ev-1')).toBe(true);
      });

      it('given a batch that resets its collections, then the old documents, checkpoint and processed ids give way to the batch alone', async () => {
        await store.commit(batchOf({ checkpoint: 5, puts: putsInto('orders', order('o-1'), order('o-2')), processedEventIds: ['ev-1'] }));
        await store.commit(batchOf({ projection: 'shipments', checkpoint: 6, puts: putsInto('shipments', { id: 's-1' }) }));

        await store.commit(
          batchOf({ checkpoint: 3, resetsCollections: ['orders'], puts: [{ collection: 'orders', doc: order('o-2', { total: 2 }) }] }),
        );

        expect(await store.get('orders', 'o-1')).toBeUndefined();
        expect(await store.get('orders', 'o-2')).toEqual(order('o-2', { total: 2 }));
        expect(ids((await store.find('orders', {})).items)).toEqual(['o-2']);
        expect(await store.checkpoint('orders')).toBe(3);
        expect(await store.wasProcessed('orders', 'ev-1')).toBe(false);
        expect(await store.get('shipments', 's-1')).toEqual({ id: 's-1' });
        expect(await store.checkpoint('shipments')).toBe(6);
      });
    });

    describe('a batch that resets its collections', () => {
      it('given documents, when the batch puts none, then the collections end up empty', async () => {
        await store.commit(batchOf({ checkpoint: 5, puts: putsInto('orders', order('o-1'), order('o-2')) }));

        await store.commit(batchOf({ checkpoint: 0, resetsCollections: ['orders'] }));

        expect(await store.find('orders', {})).toEqual({ items: [] });
        expect(await store.checkpoint('orders')).toBe(0);
      });

      it('given the same documents put again, then they are kept once, with their new content', async () => {
        await store.commit(batchOf({ checkpoint: 2, puts: [{ collection: 'orders', doc: order('o-1', { total: 1 }) }] }));

        await store.commit(
          batchOf({ checkpoint: 2, resetsCollections: ['orders'], puts: [{ collection: 'orders', doc: order('o-1', { total: 2 }) }] }),
        );

        expect((await store.find('orders', {})).items).toEqual([order('o-1', { total: 2 })]);
      });
    });

    describe('rows', () => {
      const note = (parentId: string, seq: number, text = `note ${seq}`) => ({ collection: 'order-notes', parentId, seq, value: { text } });
      const seqs = (page: { items: { seq: number }[] }): number[] => page.items.map((row) => row.seq);

      it('given rows put out of order in several batches, then a parent lists only its own, by seq, with their values', async () => {
        await store.commit(batchOf({ checkpoint: 1, rows: [note('o-1', 2), note('o-2', 1), note('o-1', 1)] }));
        await store.commit(batchOf({ checkpoint: 2, rows: [note('o-1', 10)] }));

        expect(await store.rows('order-notes', 'o-1')).toEqual({
          items: [
            { seq: 1, value: { text: 'note 1' } },
            { seq: 2, value: { text: 'note 2' } },
            { seq: 10, value: { text: 'note 10' } },
          ],
        });
        expect(seqs(await store.rows('order-notes', 'o-2'))).toEqual([1]);
        expect(await store.rows('order-notes', 'o-9')).toEqual({ items: [] });
        expect(await store.rows('timeline', 'o-1')).toEqual({ items: [] });
      });

      it('given a row put again under the same seq (a replayed event), then it is there once, with the latest value', async () => {
        await store.commit(batchOf({ checkpoint: 1, rows: [note('o-1', 1), note('o-1', 2)] }));

        await store.commit(batchOf({ checkpoint: 2, rows: [note('o-1', 2, 'again'), note('o-1', 2, 'again')] }));

        expect((await store.rows('order-notes', 'o-1')).items).toEqual([
          { seq: 1, value: { text: 'note 1' } },
          { seq: 2, value: { text: 'again' } },
        ]);
      });

      it('given a limit, then pages follow each other oldest first through the cursor until there is no next cursor', async () => {
        await store.commit(batchOf({ checkpoint: 1, rows: [1, 2, 3, 4, 5].map((seq) => note('o-1', seq)) }));

        const first = await store.rows('order-notes', 'o-1', { limit: 2 });
        const second = await store.rows('order-notes', 'o-1', { limit: 2, cursor: first.nextCursor });
        const third = await store.rows('order-notes', 'o-1', { limit: 2, cursor: second.nextCursor });

        expect([seqs(first), seqs(second), seqs(third)]).toEqual([[1, 2], [3, 4], [5]]);
        expect(third.nextCursor).toBeUndefined();
      });

      it('given newest first, then pages go from the last row back to the first', async () => {
        await store.commit(batchOf({ checkpoint: 1, rows: [1, 2, 3, 4, 5].map((seq) => note('o-1', seq)) }));

        const first = await store.rows('order-notes', 'o-1', { limit: 3, newestFirst: true });
        const second = await store.rows('order-notes', 'o-1', { limit: 3, newestFirst: true, cursor: first.nextCursor });

        expect([seqs(first), seqs(second)]).toEqual([[5, 4, 3], [2, 1]]);
        expect(second.nextCursor).toBeUndefined();
      });

      it('given 520 rows, then a page holds 50 by default and at most 500', async () => {
        await store.commit(batchOf({ checkpoint: 1, rows: Array.from({ length: 520 }, (_, i) => note('o-1', i + 1)) }));

        expect((await store.rows('order-notes', 'o-1')).items).toHaveLength(50);
        expect((await store.rows('order-notes', 'o-1', { limit: 10_000 })).items).toHaveLength(500);
      });

      it('given a cursor that was not issued by the store, then it is refused as invalid input', async () => {
        await expect(store.rows('order-notes', 'o-1', { cursor: '%%not-a-cursor%%' })).rejects.toMatchObject({ kind: 'invalid' });
        await expect(store.rows('order-notes', 'o-1', { cursor: encodeURIComponent('bm90LWEtbnVtYmVy') })).rejects.toMatchObject({
          kind: 'invalid',
        });
      });

      it('given a batch with a row that cannot be stored, then none of the batch is applied', async () => {
        await store.commit(batchOf({ checkpoint: 1, rows: [note('o-1', 1)] }));

        await expect(
          store.commit(batchOf({ checkpoint: 2, puts: putsInto('orders', order('o-1')), rows: [note('o-1', 2), note('o-1', 2.5)] })),
        ).rejects.toThrow();

        expect(seqs(await store.rows('order-notes', 'o-1'))).toEqual([1]);
        expect(await store.get('orders', 'o-1')).toBeUndefined();
        expect(await store.checkpoint('orders')).toBe(1);
      });

      it('given a projection reset, then its collections lose their rows and other collections keep theirs', async () => {
        await store.commit(batchOf({ checkpoint: 1, rows: [note('o-1', 1), { ...note('o-1', 1), collection: 'kept' }] }));

        await store.reset('orders', ['order-notes']);

        expect(await store.rows('order-notes', 'o-1')).toEqual({ items: [] });
        expect(seqs(await store.rows('kept', 'o-1'))).toEqual([1]);
      });

      it('given a batch that resets its collections, then the old rows give way to the rows of the batch alone', async () => {
        await store.commit(batchOf({ checkpoint: 5, rows: [note('o-1', 1), note('o-1', 2), note('o-2', 1)] }));

        await store.commit(batchOf({ checkpoint: 1, resetsCollections: ['order-notes'], rows: [note('o-1', 1, 'rebuilt')] }));

        expect((await store.rows('order-notes', 'o-1')).items).toEqual([{ seq: 1, value: { text: 'rebuilt' } }]);
        expect(await store.rows('order-notes', 'o-2')).toEqual({ items: [] });
      });

      it('given committed rows, when the store is reopened, then they are still there', async () => {
        await store.commit(batchOf({ checkpoint: 1, rows: [note('o-1', 7)] }));

        store = await harness.reopen();

        expect(seqs(await store.rows('order-notes', 'o-1'))).toEqual([7]);
      });
    });

    describe('a batch that changes nothing', () => {
      it('given a batch with only a checkpoint, then the checkpoint is answered at once', async () => {
        await store.commit(batchOf({ checkpoint: 3, puts: putsInto('orders', order('o-1')) }));

        await store.commit(batchOf({ checkpoint: 8 }));

        expect(await store.checkpoint('orders')).toBe(8);
      });

      it('given a checkpoint-only batch, when a later batch changes something, then both survive a reopen', async () => {
        await store.commit(batchOf({ projection: 'payouts', checkpoint: 4 }));
        await store.commit(batchOf({ checkpoint: 5, puts: putsInto('orders', order('o-1')) }));

        store = await harness.reopen();

        expect({ payouts: await store.checkpoint('payouts'), orders: await store.checkpoint('orders') }).toEqual({ payouts: 4, orders: 5 });
      });

      it('given a checkpoint-only batch, when the projection is reset, then its checkpoint is 0', async () => {
        await store.commit(batchOf({ checkpoint: 4 }));

        await store.reset('orders', ['orders']);

        expect(await store.checkpoint('orders')).toBe(0);
      });

      it('given a checkpoint-only batch after a failed batch of another projection, then it is still answered and survives a reopen', async () => {
        const circular: Document = order('o-bad');
        circular.self = circular;
        await store.commit(batchOf({ projection: 'payouts', checkpoint: 4 }));

        await expect(store.commit(batchOf({ checkpoint: 5, puts: [{ collection: 'orders', doc: circular }] }))).rejects.toThrow();
        store = await harness.reopen();

        expect({ payouts: await store.checkpoint('payouts'), orders: await store.checkpoint('orders') }).toEqual({ payouts: 4, orders: 0 });
      });
    });

    describe('several batches at once', () => {
      it('given batches of two projections, when they are committed together, then both changes and checkpoints are there, also after a reopen', async () => {
        await store.commitAll([
          batchOf({ checkpoint: 4, puts: putsInto('orders', order('o-1')) }),
          batchOf({ projection: 'payouts', checkpoint: 6, puts: putsInto('payouts', order('p-1')) }),
          batchOf({ checkpoint: 5, puts: putsInto('orders', order('o-2')) }),
        ]);

        store = await harness.reopen();

        expect(ids((await store.find('orders', {})).items)).toEqual(['o-1', 'o-2']);
        expect(await store.get('payouts', 'p-1')).toEqual(order('p-1'));
        expect({ orders: await store.checkpoint('orders'), payouts: await store.checkpoint('payouts') }).toEqual({ orders: 5, payouts: 6 });
      });

      it('given batches where one cannot be stored, when they are committed together, then none of them is', async () => {
        const circular: Document = order('o-bad');
        circular.self = circular;

        const committing = store.commitAll([
          batchOf({ projection: 'payouts', checkpoint: 6, puts: putsInto('payouts', order('p-1')) }),
          batchOf({ checkpoint: 5, puts: [{ collection: 'orders', doc: circular }] }),
        ]);

        await expect(committing).rejects.toThrow();
        expect(await store.get('payouts', 'p-1')).toBeUndefined();
        expect({ orders: await store.checkpoint('orders'), payouts: await store.checkpoint('payouts') }).toEqual({ orders: 0, payouts: 0 });
      });
    });

    describe('durability', () => {
      it('given committed batches, when the store is reopened, then documents, checkpoints and processed ids are still there', async () => {
        await store.commit(
          batchOf({ checkpoint: 9, puts: [{ collection: 'orders', doc: order('o-1', { total: 10 }) }], processedEventIds: ['ev-9'] }),
        );

        store = await harness.reopen();

        expect(await store.get('orders', 'o-1')).toEqual(order('o-1', { total: 10 }));
        expect(ids((await store.find('orders', { where: { total: 10 } })).items)).toEqual(['o-1']);
        expect(await store.checkpoint('orders')).toBe(9);
        expect(await store.wasProcessed('orders', 'ev-9')).toBe(true);
      });
    });
  });
}
