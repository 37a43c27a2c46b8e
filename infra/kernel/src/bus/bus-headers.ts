import type { OutgoingMessage } from '../ports/message-bus';
import type { RecordedEvent } from '../ports/event-store';

/** Header names of every event message on the bus; the values repeat the envelope's metadata as text. */
export const BusHeader = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  actorId: 'actor-id',
  actorRole: 'actor-role',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  streamId: 'stream-id',
  position: 'position',
  contentType: 'content-type',
} as const;

export function busHeadersOf(event: RecordedEvent): Record<string, string> {
  const headers: Record<string, string> = {
    [BusHeader.eventId]: event.eventId,
    [BusHeader.eventType]: event.type,
    [BusHeader.schemaVersion]: String(event.schemaVersion),
    [BusHeader.correlationId]: event.correlationId,
    [BusHeader.actorId]: event.actor.id,
    [BusHeader.actorRole]: event.actor.role,
    [BusHeader.streamId]: event.streamId,
    [BusHeader.position]: String(event.position),
    [BusHeader.contentType]: 'application/json',
  };
  // Absent rather than empty, as Kafka headers are.
  if (event.causationId !== null) headers[BusHeader.causationId] = event.causationId;
  if (event.trace) {
    headers[BusHeader.traceparent] = event.trace.traceparent;
    if (event.trace.tracestate !== undefined) headers[BusHeader.tracestate] = event.trace.tracestate;
  }
  return headers;
}

/**
 * `messageOfEvent` for a bus in this process, whose groups mostly take the envelope decoded (BusMessage.envelope): the
 * JSON text is written only when something reads `value` (once, then kept), an own enumerable property so a spread
 * copies it.
 */
export function lazyMessageOfEvent(event: RecordedEvent, partitionKey: (data: unknown) => string): OutgoingMessage {
  let text: string | undefined;
  const message = { key: partitionKey(event.data), headers: busHeadersOf(event) } as OutgoingMessage;
  Object.defineProperty(message, 'value', { enumerable: true, configurable: true, get: () => (text ??= JSON.stringify(event)) });
  return message;
}

/** The bus message of a recorded event: keyed by its order id so everything about one order stays in order. */
export function messageOfEvent(event: RecordedEvent, partitionKey: (data: unknown) => string): OutgoingMessage {
  return { key: partitionKey(event.data), value: JSON.stringify(event), headers: busHeadersOf(event) };
}
