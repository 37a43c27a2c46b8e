import { ServiceNames, topicOf, type EventDefinition, type ServiceName } from './define-event';

/** Every message on a service topic is keyed by the event data's orderId, so one order's events stay in order. */
export const PARTITION_KEY_FIELD = 'orderId';

/** Kafka message headers written with every event; the message value is the whole EventEnvelope as JSON. */
export const EventHeaders = [
  { name: 'event-id', source: 'envelope.eventId', description: 'Unique id of the event; consumers dedupe on it' },
  { name: 'event-type', source: 'envelope.type', description: 'Event type, e.g. RefundRequested' },
  { name: 'schema-version', source: 'envelope.schemaVersion', description: "Version of the event type's data schema" },
  { name: 'correlation-id', source: 'envelope.correlationId', description: 'Id shared by everything one request caused' },
  { name: 'causation-id', source: 'envelope.causationId', description: 'Event or command that caused this one; empty when none' },
  { name: 'traceparent', source: 'envelope.trace.traceparent', description: 'W3C trace context, when traced' },
  { name: 'tracestate', source: 'envelope.trace.tracestate', description: 'W3C trace state, when present' },
  { name: 'content-type', source: 'constant', description: 'Always application/json' },
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
