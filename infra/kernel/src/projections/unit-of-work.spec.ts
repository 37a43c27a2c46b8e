import { InMemoryReadModelStore } from '../memory/in-memory-read-model-store';
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
