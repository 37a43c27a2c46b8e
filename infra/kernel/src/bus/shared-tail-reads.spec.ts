import { InMemoryEventStore } from '../memory';
import type { EventStore } from '../ports/event-store';
import { sampleEvents } from '../testing/sample-events';
import { SharedTailReads } from './shared-tail-reads';

/** A log that counts the events it hands out. */
function countingLog(): { log: EventStore; eventsRead: () => number } {
  const log = new InMemoryEventStore();
  let read = 0;
  const readAll = log.readAll.bind(log);
  log.readAll = async (after, limit) => {
    const events = await readAll(after, limit);
    read += events.length;
    return events;
  };
  return { log, eventsRead: () => read };
}

const positions = (events: { position: number }[]) => events.map((e) => e.position);

describe('SharedTailReads', () => {
  it('given followers at different positions near the head, when they all read after an append, then they see exactly what the log holds and the log is read once', async () => {
    const { log, eventsRead } = countingLog();
    const reads = new SharedTailReads(log);
    await log.append('s-1', sampleEvents(5), 'any');
    await reads.readAll(0, 100);
    await log.append('s-1', sampleEvents(3), 'any');
    const before = eventsRead();

    const [atTwo, atFive, atSix] = await Promise.all([reads.readAll(2, 100), reads.readAll(5, 100), reads.readAll(6, 2)]);

    expect(positions(atTwo)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(positions(atFive)).toEqual([6, 7, 8]);
    expect(positions(atSix)).toEqual([7, 8]);
    expect(eventsRead() - before).toBe(3);
  });

  it('given a follower at the head, when it reads, then it gets nothing without asking the log', async () => {
    const { log, eventsRead } = countingLog();
    const reads = new SharedTailReads(log);
    await log.append('s-1', sampleEvents(2), 'any');
    await reads.readAll(0, 10);
    const before = eventsRead();

    expect(await reads.readAll(2, 10)).toEqual([]);
    expect(eventsRead()).toBe(before);
  });

  it('given a window smaller than the log, when a follower reads from before it, then it reads the log and gets the same events', async () => {
    const { log } = countingLog();
    const reads = new SharedTailReads(log, 4);
    await log.append('s-1', sampleEvents(3), 'any');
    await reads.readAll(0, 100);
    for (let i = 0; i < 5; i++) {
      await log.append('s-1', sampleEvents(3), 'any');
      await reads.readAll(3 + 3 * i, 100);
    }

    expect(positions(await reads.readAll(1, 4))).toEqual([2, 3, 4, 5]);
    expect(positions(await reads.readAll(0, 100))).toEqual(positions(await log.readAll(0, 100)));
  });

  it('given a limit, when the window holds more, then a read returns at most the limit', async () => {
    const { log } = countingLog();
    const reads = new SharedTailReads(log);
    await log.append('s-1', sampleEvents(10), 'any');
    await reads.readAll(0, 100);

    expect(positions(await reads.readAll(3, 4))).toEqual([4, 5, 6, 7]);
  });

  it('given a log that reads payloads, when a rebuild reads payloads through the shared reads, then the log\'s payload read answers', async () => {
    const log = new InMemoryEventStore();
    await log.append('s-1', sampleEvents(3), 'any');
    const asked: string[] = [];
    const payloadLog = Object.assign(Object.create(log) as InMemoryEventStore, {
      readAllPayloads: (after: number, limit: number) => (asked.push(`payloads after ${after}`), log.readAll(after, limit)),
    });

    const events = await new SharedTailReads(payloadLog).readAllPayloads(1, 10);

    expect({ positions: positions(events), asked }).toEqual({ positions: [2, 3], asked: ['payloads after 1'] });
  });

  it('given a log without payload reads, when payloads are read, then whole events are read from the log', async () => {
    const log = new InMemoryEventStore();
    await log.append('s-1', sampleEvents(3), 'any');

    expect(positions(await new SharedTailReads(log).readAllPayloads(0, 2))).toEqual([1, 2]);
  });
});
