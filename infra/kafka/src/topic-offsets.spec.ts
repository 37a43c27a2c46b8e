import { lagOf, partitionKey, positionOf } from './topic-offsets';

describe('topic offsets', () => {
  it('given a group that never committed, then it stands at the log start, not at 0', () => {
    expect(positionOf(-1, { high: 10, low: 4 })).toBe(4);
    expect(positionOf(undefined, { high: 10, low: 4 })).toBe(4);
    expect(positionOf(7, { high: 10, low: 4 })).toBe(7);
  });

  it('given end and committed offsets of several partitions, then lag sums what each partition still has to deliver', () => {
    const ends = new Map([
      [partitionKey('t', 0), { high: 5, low: 0 }],
      [partitionKey('t', 1), { high: 3, low: 1 }],
      [partitionKey('u', 0), { high: 0, low: 0 }],
    ]);
    const committed = new Map([
      [partitionKey('t', 0), 2],
      [partitionKey('t', 1), -1],
    ]);

    expect(lagOf(ends, committed)).toBe(3 + 2 + 0);
  });
});
