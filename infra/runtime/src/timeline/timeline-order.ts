import type { TimelineDocument, TimelineEntry } from './timeline-projection';

/** What orders timeline entries that come from separate logs: business time, then bus time, then arrival. */
export interface TimelineSortKey {
  recordedAt: string;
  /** When the bus accepted the event (ms); 0 when the bus does not say. */
  publishedAt: number;
  /** Order in which this consumer received it. */
  arrival: number;
}

/** A timeline fed by the bus: the sort key of each entry is kept beside the entries. */
export interface BusTimelineDocument extends TimelineDocument {
  sortKeys: Record<string, TimelineSortKey>;
}

type Keyed = { entry: TimelineEntry; key: TimelineSortKey };

/** True when `a` belongs before `b`: a cause precedes its effect, otherwise the earlier sort key comes first. */
function precedes(a: Keyed, b: Keyed): boolean {
  if (b.entry.causationId === a.entry.eventId) return true;
  if (a.entry.causationId === b.entry.eventId) return false;
  if (a.key.recordedAt !== b.key.recordedAt) return a.key.recordedAt < b.key.recordedAt;
  if (a.key.publishedAt !== b.key.publishedAt) return a.key.publishedAt < b.key.publishedAt;
  return a.key.arrival < b.key.arrival;
}

/**
 * Where a reaction goes: right after its cause and the reactions already placed after it, when it happened at the same
 * business time (it is delivered later over the bus than in one process, but it answered that event, not what other
 * services recorded meanwhile). Undefined when its cause is not in the timeline or is from another time.
 */
function afterItsCause(keyed: Keyed[], incoming: Keyed): number | undefined {
  const causeAt = keyed.findIndex((existing) => existing.entry.eventId === incoming.entry.causationId);
  if (causeAt === -1 || keyed[causeAt].key.recordedAt !== incoming.key.recordedAt) return undefined;
  const descendants = new Set([keyed[causeAt].entry.eventId]);
  let at = causeAt + 1;
  while (at < keyed.length && keyed[at].entry.causationId !== null && descendants.has(keyed[at].entry.causationId!)) {
    descendants.add(keyed[at].entry.eventId);
    at += 1;
  }
  return at;
}

/**
 * The timeline with one more entry: after its cause (see afterItsCause), else before the first entry it precedes. With
 * separate logs per service there is no global log position, so `position` is the entry's place in this order's
 * timeline (1, 2, …).
 */
export function withEntry(doc: BusTimelineDocument, entry: TimelineEntry, key: TimelineSortKey): BusTimelineDocument {
  const keyed: Keyed[] = doc.entries.map((existing) => ({ entry: existing, key: doc.sortKeys[existing.eventId] }));
  const incoming = { entry, key };
  const before = keyed.findIndex((existing) => precedes(incoming, existing));
  const at = afterItsCause(keyed, incoming) ?? (before === -1 ? keyed.length : before);
  keyed.splice(at, 0, incoming);
  return {
    ...doc,
    entries: keyed.map((item, index) => ({ ...item.entry, position: index + 1 })),
    sortKeys: { ...doc.sortKeys, [entry.eventId]: key },
  };
}
