import type { RecordedEvent } from '@aftersales/kernel';
import { RecentEvents } from './recent-events';

const events = (from: number, count: number): RecordedEvent[] =>
  Array.from(
    { length: count },
    (_, i) => ({ position: from + i, type: i % 2 === 0 ? 'OrderNoted' : 'OrderPaid', data: { n: from + i } }) as unknown as RecordedEvent,
  );

describe('RecentEvents', () => {
  it('given appends held, when read right behind the head, then the events after the position come back, up to the limit', () => {
    const recent = new RecentEvents(10);
    recent.add(events(1, 3));
    recent.add(events(4, 2));

    expect(recent.read(2, 2)!.map((e) => e.position)).toEqual([3, 4]);
    expect(recent.read(5, 10)).toEqual([]);
    expect(recent.read(1, 10, (e) => e.type === 'OrderPaid')!.map((e) => e.position)).toEqual([2, 5]);
  });

  it('given a position before what is held, then it says it cannot answer (the server must)', () => {
    const recent = new RecentEvents(2);
    recent.add(events(1, 5)); // trimmed to the last 2 once past twice the capacity

    expect(recent.read(0, 10)).toBeUndefined();
    expect(recent.read(3, 10)!.map((e) => e.position)).toEqual([4, 5]);
  });

  it('given an event read, when the reader changes it, then the next reader gets it as appended', () => {
    const recent = new RecentEvents(10);
    recent.add(events(1, 1));

    (recent.read(0, 1)![0].data as { n: number }).n = 99;

    expect(recent.read(0, 1)![0].data).toEqual({ n: 1 });
  });

  it('given no capacity, then nothing is held', () => {
    const recent = new RecentEvents(0);
    recent.add(events(1, 3));

    expect(recent.read(0, 10)).toBeUndefined();
  });
});
