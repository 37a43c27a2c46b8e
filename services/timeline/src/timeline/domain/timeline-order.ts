import type { TimelineEntry } from './timeline-entry';

/** What orders timeline entries that come from separate logs: business time, then bus time, then arrival. */
export interface TimelineSortKey {
  recordedAt: string;
  /** When the bus accepted the event (ms); 0 when the bus does not say. */
  publishedAt: number;
  /** Order in which this consumer received it. */
  arrival: number;
  /** Revision in its own stream: one stream's events always keep their order. */
  revision?: number;
}

/** An entry of a timeline fed by the bus, with the key it sorts by (one row of the `timelines` rows). */
export interface KeyedEntry {
  entry: TimelineEntry;
  key: TimelineSortKey;
}

const compareKeys = (a: TimelineSortKey, b: TimelineSortKey): number =>
  a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.publishedAt - b.publishedAt || a.arrival - b.arrival;

/**
 * Where an entry sorts. A reaction recorded at the same business time as its cause answered that event, not what other
 * services recorded meanwhile (over the bus it is only delivered later), so it sorts with its cause's root, one level
 * deeper; anything else sorts by its own key.
 */
function sortPath(byId: Map<string, KeyedEntry>, item: KeyedEntry): TimelineSortKey[] {
  const path = [item.key];
  let current = item;
  for (let depth = 0; depth < 64; depth++) {
    const cause = current.entry.causationId ? byId.get(current.entry.causationId) : undefined;
    if (!cause || cause.key.recordedAt !== current.key.recordedAt) break;
    path.unshift(cause.key);
    current = cause;
  }
  return path;
}

function comparePaths(a: TimelineSortKey[], b: TimelineSortKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareKeys(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** True when `a` must come before `b` whatever the keys say: its cause, or an earlier event of the same stream. */
function mustPrecede(a: KeyedEntry, b: KeyedEntry): boolean {
  if (b.entry.causationId === a.entry.eventId) return true;
  return a.entry.streamId === b.entry.streamId && a.key.revision !== undefined && b.key.revision !== undefined && a.key.revision < b.key.revision;
}

/**
 * A bus-fed timeline in order. Entries are ordered by their sort paths, under two hard rules: a cause comes before its
 * effects and one stream's events keep their revision order (a topological order that always takes the earliest ready
 * entry). With separate logs per service there is no global log position, so `position` is the entry's place in this
 * order's timeline (1, 2, …). Computed when the timeline is read: an entry that arrives late can move every later one.
 */
export function orderTimeline(items: readonly KeyedEntry[]): TimelineEntry[] {
  const byId = new Map(items.map((item) => [item.entry.eventId, item]));
  const paths = new Map(items.map((item) => [item, sortPath(byId, item)]));
  const pending = [...items].sort((a, b) => comparePaths(paths.get(a)!, paths.get(b)!));
  const ordered: KeyedEntry[] = [];
  while (pending.length > 0) {
    const ready = pending.findIndex((candidate) => !pending.some((other) => other !== candidate && mustPrecede(other, candidate)));
    ordered.push(...pending.splice(ready === -1 ? 0 : ready, 1)); // -1 only on a causal cycle, which the log cannot hold
  }
  return ordered.map((item, index) => ({ ...item.entry, position: index + 1 }));
}
