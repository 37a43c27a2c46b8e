import type { EventValues } from './event-log-schema';
import { LogTail } from './log-tail';

const rowAt = (position: number): EventValues => [position, `e-${position}`, 'order-1', position - 1, 'OrderNoted', 1, '{}', 't', 'c', null, 'a', 'buyer', null, null, 't'];
const rows = (from: number, to: number): EventValues[] => Array.from({ length: to - from + 1 }, (_, i) => rowAt(from + i));
const positions = (read: EventValues[] | undefined) => read?.map((row) => row[0]);

/** A tail with a follower that has read from the start of the log. */
const followedTail = (capacity?: number): LogTail => {
  const tail = new LogTail(capacity);
  tail.read(0, 0);
  return tail;
};

describe('LogTail', () => {
  it('given rows committed after the store opened, when a follower reads right behind the head, then it gets them', () => {
    const tail = followedTail();
    tail.add(rows(11, 13));
    tail.add(rows(14, 14));
    expect(positions(tail.read(12, 100))).toEqual([13, 14]);
    expect(positions(tail.read(10, 2))).toEqual([11, 12]);
    expect(positions(tail.read(14, 100))).toEqual([]);
  });

  it('given a follower behind the first row held, then it is sent to the file', () => {
    const tail = followedTail();
    tail.add(rows(11, 13));
    expect(tail.read(9, 100)).toBeUndefined();
    expect(new LogTail().read(0, 100)).toBeUndefined();
  });

  it('given more rows than it holds, then it keeps the newest and sends older readers to the file', () => {
    const tail = followedTail(2);
    for (let position = 1; position <= 9; position++) {
      tail.add(rows(position, position));
      tail.read(position - 1, 100);
    }
    expect(positions(tail.read(8, 100))).toEqual([9]);
    expect(tail.read(0, 100)).toBeUndefined();
  });

  it('given rows that do not follow the ones held, then it starts over from them', () => {
    const tail = followedTail();
    tail.add(rows(1, 3));
    tail.add(rows(7, 8));
    expect(tail.read(2, 100)).toBeUndefined();
    expect(positions(tail.read(6, 100))).toEqual([7, 8]);
  });

  it('given no follower has read yet, when rows are committed, then it holds none of them', () => {
    const tail = new LogTail();
    tail.add(rows(1, 3));
    expect(tail.read(0, 100)).toBeUndefined();
    tail.add(rows(4, 5));
    expect(positions(tail.read(3, 100))).toEqual([4, 5]);
  });

  it('given the followers fell further behind than it holds, when rows are committed, then it lets go of them until one reads close again', () => {
    const tail = followedTail(2);
    tail.add(rows(1, 2));
    tail.add(rows(3, 4));
    tail.add(rows(5, 6));
    expect(tail.read(4, 100)).toBeUndefined();
    tail.add(rows(7, 8));
    expect(positions(tail.read(6, 100))).toEqual([7, 8]);
  });
});
