import { createHash } from 'node:crypto';
import { jsonEvent, type EventData, type JSONRecordedEvent, type RecordedEvent as ServerEvent } from '@kurrent/kurrentdb-client';
import type { CommandKey, RecordedEvent } from '@aftersales/kernel';

/**
 * What an event carries in its custom metadata, beside its data: the envelope fields the server does not keep
 * (its own `created` is the server's clock, not the command's), its position in this store's log and its link in the
 * hash chain. The last event of an append made with a command key names the key and the append's event ids, so the
 * key's record can be rebuilt from the log if the process stops between the append and the record.
 */
export interface StoredMetadata {
  eventId: string;
  schemaVersion: number;
  position: number;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  actor: RecordedEvent['actor'];
  trace?: RecordedEvent['trace'];
  chainHash: string;
  commandKey?: CommandKey & { eventIds: string[] };
}

export interface DecodedEvent {
  event: RecordedEvent;
  chainHash: string;
  commandKey?: StoredMetadata['commandKey'];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The server wants a UUID per event: the envelope's own when it is one, else one derived from it (stable, so retries dedupe). */
export const serverEventIdOf = (eventId: string): string => {
  if (UUID.test(eventId)) return eventId.toLowerCase();
  const hex = createHash('sha256').update(eventId).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export function encodeEvent(event: RecordedEvent, chainHash: string, commandKey?: StoredMetadata['commandKey']): EventData {
  const metadata: StoredMetadata = {
    eventId: event.eventId,
    schemaVersion: event.schemaVersion,
    position: event.position,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    correlationId: event.correlationId,
    causationId: event.causationId,
    actor: event.actor,
    ...(event.trace ? { trace: event.trace } : {}),
    chainHash,
    ...(commandKey ? { commandKey } : {}),
  };
  return jsonEvent({ id: serverEventIdOf(event.eventId), type: event.type, data: event.data as never, metadata: metadata as never });
}

export function decodeEvent(serverEvent: ServerEvent, streamId: string): DecodedEvent {
  const { metadata, data } = serverEvent as JSONRecordedEvent;
  const stored = metadata as unknown as StoredMetadata;
  const event: RecordedEvent = {
    eventId: stored.eventId,
    type: serverEvent.type,
    schemaVersion: stored.schemaVersion,
    streamId,
    revision: Number(serverEvent.revision),
    position: stored.position,
    occurredAt: stored.occurredAt,
    recordedAt: stored.recordedAt,
    correlationId: stored.correlationId,
    causationId: stored.causationId,
    actor: stored.actor,
    ...(stored.trace ? { trace: stored.trace } : {}),
    data,
  };
  return { event, chainHash: stored.chainHash, ...(stored.commandKey ? { commandKey: stored.commandKey } : {}) };
}
