import { writeOpsOf } from './write-ops';

describe('writeOpsOf', () => {
  it.each(['a$b', '$views', '', 'x\u0000y'])(
    'given a collection name MongoDB would refuse (%j), then the batch is refused before anything is written',
    (collection) => {
      expect(() => writeOpsOf([{ projection: 'p', checkpoint: 1, puts: [{ collection, doc: { id: 'd-1' } }], deletes: [] }], new Map())).toThrow(TypeError);
    },
  );

  it('given a batch that resets its collection, then the collection is emptied first and its puts are plain inserts, the last put of a document winning', () => {
    const ops = writeOpsOf(
      [
        {
          projection: 'orders',
          checkpoint: 3,
          resetsCollections: ['orders'],
          puts: [
            { collection: 'orders', doc: { id: 'o-1', v: 1 } },
            { collection: 'orders', doc: { id: 'o-1', v: 2 } },
          ],
          deletes: [],
        },
      ],
      new Map([['payouts', 4]]),
    );

    expect(ops.map((op) => op.k)).toEqual(['dropDocuments', 'dropRows', 'dropProcessed', 'insert', 'checkpoint', 'checkpoint']);
    expect(ops[3]).toMatchObject({ k: 'insert', id: 'o-1', j: JSON.stringify({ id: 'o-1', v: 2 }) });
    expect(ops.slice(4)).toEqual([
      { k: 'checkpoint', p: 'payouts', pos: 4 },
      { k: 'checkpoint', p: 'orders', pos: 3 },
    ]);
  });
});
