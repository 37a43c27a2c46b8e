import { WrittenIds } from './written-ids';

describe('WrittenIds', () => {
  it('given ids added past the first filter\'s capacity, then every one of them may be contained', () => {
    const written = new WrittenIds();
    for (let i = 0; i < 200_000; i++) written.add('orders', `order-${i}`);

    let missing = 0;
    for (let i = 0; i < 200_000; i++) if (!written.mayContain('orders', `order-${i}`)) missing++;

    expect(missing).toBe(0);
  });

  it('given 200 000 ids added, then ids never added are almost all known absent', () => {
    const written = new WrittenIds();
    for (let i = 0; i < 200_000; i++) written.add('orders', `order-${i}`);

    let falsePositives = 0;
    for (let i = 0; i < 100_000; i++) if (written.mayContain('orders', `other-${i}`)) falsePositives++;

    expect(falsePositives).toBeLessThan(3_000); // about 1 % per filter, three filters
  });

  it('given an id added in one collection, then the same id in another collection is not taken for it', () => {
    const written = new WrittenIds();
    written.add('ab', 'c');

    expect([written.mayContain('ab', 'c'), written.mayContain('a', 'bc'), written.mayContain('orders', 'c')]).toEqual([true, false, false]);
  });
});
