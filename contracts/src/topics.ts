import { ServiceNames, topicOf, type EventDefinition, type ServiceName } from './define-event';
import type { EventEnvelope } from './envelope';

/** Every message on a service topic is keyed by the event data's orderId, so one order's events stay in order. */
export const PARTITION_KEY_FIELD = 'orderId';

/**
 * Partitions of every service topic when the platform creates it (the Kafka adapter's default). Consumers must not
 * depend on the count: ordering is guaranteed per key (orderId) only.
 */
export const TOPIC_PARTITIONS = 4;

/**
 * Kafka message headers written with every event (UTF-8 text values); the message value is the whole EventEnvelope as
 * JSON, so the headers only repeat envelope fields for routing and tracing without parsing the value. `always: false`
 * headers are absent (not empty) when their envelope field is null or absent. The kernel's bus-headers.ts writes them.
 */
export const EventHeaders = [
  { name: 'event-id', source: 'envelope.eventId', always: true, description: 'Unique id of the event; consumers dedupe on it' },
  { name: 'event-type', source: 'envelope.type', always: true, description: 'Event type, e.g. RefundRequested' },
  { name: 'schema-version', source: 'envelope.schemaVersion', always: true, description: "Version of the event type's data schema, as decimal text" },
  { name: 'correlation-id', source: 'envelope.correlationId', always: true, description: 'Id shared by everything one request caused' },
  { name: 'causation-id', source: 'envelope.causationId', always: false, description: 'Event or command that caused this one; absent when none' },
  { name: 'actor-id', source: 'envelope.actor.id', always: true, description: 'Who acted: user, agent, integrator or system id' },
  { name: 'actor-role', source: 'envelope.actor.role', always: true, description: 'Role of the actor, e.g. buyer, agent, system' },
  { name: 'traceparent', source: 'envelope.trace.traceparent', always: false, description: 'W3C trace context; absent when not traced' },
  { name: 'tracestate', source: 'envelope.trace.tracestate', always: false, description: 'W3C trace state; absent when none' },
  { name: 'stream-id', source: 'envelope.streamId', always: true, description: 'Aggregate stream the event belongs to, e.g. order-<orderId>' },
  { name: 'position', source: 'envelope.position', always: true, description: "Position in the producing service's log, as decimal text" },
  { name: 'content-type', source: 'constant', always: true, description: 'Always application/json' },
] as const;
export type EventHeaderName = (typeof EventHeaders)[number]['name'];

export interface TopicDescription {
  service: ServiceName;
  topic: string;
  partitionKey: typeof PARTITION_KEY_FIELD;
  eventTypes: { type: string; versions: number[] }[];
}

/** One entry per service, listing the event types (and versions) published on its topic. */
export function describeTopics(definitions: readonly EventDefinition[]): TopicDescription[] {
  return ServiceNames.map((service) => {
    const versionsByType = new Map<string, number[]>();
    for (const def of definitions.filter((d) => d.service === service)) {
      versionsByType.set(
        def.type,
        [...(versionsByType.get(def.type) ?? []), def.version].sort((a, b) => a - b),
      );
    }
    return {
      service,
      topic: topicOf(service),
      partitionKey: PARTITION_KEY_FIELD,
      eventTypes: [...versionsByType].map(([type, versions]) => ({ type, versions })),
    };
  });
}

/** The headers of an event's message, as the platform writes them (see EventHeaders). */
export function eventHeadersOf(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of EventHeaders) {
    const value = header.source === 'constant' ? 'application/json' : valueAt(envelope, header.source.slice('envelope.'.length));
    if (value === undefined || value === null) {
      if (header.always) throw new Error(`event ${envelope.eventId} has no ${header.source} for header ${header.name}`);
      continue;
    }
    headers[header.name] = String(value);
  }
  return headers;
}

const valueAt = (from: unknown, dottedPath: string): unknown =>
  dottedPath.split('.').reduce<unknown>((node, key) => (node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key]), from);
