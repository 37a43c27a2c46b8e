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

  it('given 16 pending rows and one document, then the size weighs the rows as two documents', () => {
    const uow = new BufferedUnitOfWork(new InMemoryReadModelStore());
    uow.put('orders', { id: 'o-1' });
    for (let seq = 1; seq <= 16; seq++) uow.putRow('timelines', 'o-1', seq, {});

    expect(uow.size).toBe(3);
  });
});
