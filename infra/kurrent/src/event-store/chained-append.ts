import type { EventData } from '@kurrent/kurrentdb-client';
import { chainHash, chainedFieldsOf, type CommandKey, type NewEvent, type RecordedEvent } from '@aftersales/kernel';
import { encodeEvent } from './event-codec';

/**
 * The envelopes of one append, as this store's single writer assigns them: revisions after the stream's `current`,
 * positions after the log's `head`, one `recordedAt`.
 */
export function recordedEventsOf(streamId: string, newEvents: NewEvent[], current: number, head: number, recordedAt: string): RecordedEvent[] {
  return newEvents.map((event, index): RecordedEvent => ({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId,
    revision: current + 1 + index,
    position: head + 1 + index,
    occurredAt: event.metadata.occurredAt,
    recordedAt,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    actor: event.metadata.actor,
    ...(event.metadata.trace ? { trace: event.metadata.trace } : {}),
    data: event.data,
  }));
}

/**
 * The server's events for them, each linked in the hash chain after `lastHash`; the last one names the command key
 * and the append's event ids (so the key's record can be repaired from the log). Returns the new end of the chain.
 */
export function chainedServerEvents(events: RecordedEvent[], lastHash: string, commandKey?: CommandKey): { encoded: EventData[]; lastHash: string } {
  const eventIds = events.map((event) => event.eventId);
  let previous = lastHash;
  const encoded = events.map((event, index) => {
    previous = chainHash(previous, chainedFieldsOf(event));
    return encodeEvent(event, previous, commandKey && index === events.length - 1 ? { ...commandKey, eventIds } : undefined);
  });
  return { encoded, lastHash: previous };
}
