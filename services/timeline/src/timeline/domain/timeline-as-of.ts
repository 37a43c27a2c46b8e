import type { TimelineEntry } from './timeline-entry';

/** One stream of the order (the order, a refund, a case, a shipment…) as it stood at an instant. */
export interface StreamAsOf {
  streamId: string;
  /** Its events recorded by then. */
  events: number;
  lastEventType: string;
  lastRecordedAt: string;
}

/**
 * The entries recorded at or before the instant (ISO 8601 UTC, as the log writes `recordedAt`): what the platform had
 * recorded then. Compared on recording time, not `occurredAt`, which a carrier may date before it was known.
 */
export const entriesAsOf = (ordered: readonly TimelineEntry[], instant: string): TimelineEntry[] =>
  ordered.filter((entry) => entry.recordedAt <= instant);

/** Each stream of the entries, in the order it first appears, with its count and last event. */
export function streamsAsOf(entries: readonly TimelineEntry[]): StreamAsOf[] {
  const streams = new Map<string, StreamAsOf>();
  for (const entry of entries) {
    const known = streams.get(entry.streamId);
    streams.set(entry.streamId, { streamId: entry.streamId, events: (known?.events ?? 0) + 1, lastEventType: entry.type, lastRecordedAt: entry.recordedAt });
  }
  return [...streams.values()];
}
