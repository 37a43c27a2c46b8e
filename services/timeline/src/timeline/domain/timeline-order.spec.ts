import type { TimelineEntry } from './timeline-entry';
import { orderTimeline, type KeyedEntry, type TimelineSortKey } from './timeline-order';

const entry = (eventId: string, causationId: string | null = null): TimelineEntry => ({
  position: 0,
  eventId,
  type: `T-${eventId}`,
  service: 'order',
  streamId: 'order-o-1',
  occurredAt: '2026-11-02T08:00:00.000Z',
  recordedAt: '2026-11-02T08:00:00.000Z',
  actor: { id: 'buyer-1', role: 'buyer' },
  correlationId: 'c-1',
  causationId,
});
const key = (publishedAt: number, arrival: number, recordedAt = '2026-11-02T08:00:00.000Z'): TimelineSortKey => ({ recordedAt, publishedAt, arrival });
/** Entries as they arrived, one more each time. */
const empty: KeyedEntry[] = [];
const withEntry = (arrived: KeyedEntry[], entry: TimelineEntry, key: TimelineSortKey): KeyedEntry[] => [...arrived, { entry, key }];
const ids = (arrived: KeyedEntry[]) => orderTimeline(arrived).map((e) => `${e.position}:${e.eventId}`);

describe('a timeline fed by the bus', () => {
  it('given entries arriving in publish order, then they are listed in that order, numbered from 1', () => {
    const doc = withEntry(withEntry(empty, entry('a'), key(10, 1)), entry('b'), key(11, 2));
    expect(ids(doc)).toEqual(['1:a', '2:b']);
  });

  it('given an entry that arrives late but was published earlier, then it is placed before the later ones', () => {
    const doc = withEntry(withEntry(empty, entry('b'), key(11, 1)), entry('a'), key(10, 2));
    expect(ids(doc)).toEqual(['1:a', '2:b']);
  });

  it('given an earlier business time, then it wins over the bus time', () => {
    const doc = withEntry(withEntry(empty, entry('b'), key(5, 1, '2026-11-03T00:00:00.000Z')), entry('a'), key(9, 2));
    expect(ids(doc)).toEqual(['1:a', '2:b']);
  });

  it('given an effect that arrived before its cause with the same times, then the cause is placed before it', () => {
    const doc = withEntry(withEntry(empty, entry('effect', 'cause'), key(10, 1)), entry('cause'), key(10, 2));
    expect(ids(doc)).toEqual(['1:cause', '2:effect']);
  });

  it('given a reaction delivered after an unrelated event of the same moment, then it is placed right after its cause', () => {
    let doc = withEntry(empty, entry('dispatched'), key(10, 1));
    doc = withEntry(doc, entry('scan'), key(30, 2));
    doc = withEntry(doc, entry('shipped', 'dispatched'), key(40, 3));
    doc = withEntry(doc, entry('notified', 'shipped'), key(50, 4));
    expect(ids(doc)).toEqual(['1:dispatched', '2:shipped', '3:notified', '4:scan']);
  });

  it('given a reaction published before a later event of its cause’s stream, then that stream keeps its revision order and the reaction follows its cause', () => {
    const inStream = (eventId: string, streamId: string, causationId: string | null = null): TimelineEntry => ({ ...entry(eventId, causationId), streamId });
    let doc = withEntry(empty, inStream('dispatched', 'shipment-1'), { ...key(10, 1), revision: 1 });
    doc = withEntry(doc, inStream('delivered', 'shipment-1'), { ...key(30, 3), revision: 3 });
    doc = withEntry(doc, inStream('scan', 'shipment-1'), { ...key(30, 4), revision: 2 });
    doc = withEntry(doc, inStream('order-delivered', 'order-1', 'delivered'), { ...key(35, 5), revision: 2 });
    doc = withEntry(doc, inStream('order-shipped', 'order-1', 'dispatched'), { ...key(40, 6), revision: 1 });
    expect(ids(doc)).toEqual(['1:dispatched', '2:order-shipped', '3:scan', '4:delivered', '5:order-delivered']);
  });

  it('given a reaction at a later business time (a timer), then it stays in time order', () => {
    let doc = withEntry(empty, entry('placed'), key(10, 1));
    doc = withEntry(doc, entry('reminded', 'placed'), key(20, 2, '2026-11-02T20:00:00.000Z'));
    doc = withEntry(doc, entry('closed', 'placed'), key(30, 3, '2026-11-05T08:00:00.000Z'));
    expect(ids(doc)).toEqual(['1:placed', '2:reminded', '3:closed']);
  });
});
