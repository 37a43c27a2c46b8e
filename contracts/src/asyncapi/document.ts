import { ServiceNames, partitionKeyOf, topicOf, type EventDefinition, type ServiceName } from '../define-event';
import { envelopeSchemaDocument, eventSchemaPath } from '../json-schema/documents';
import { EventHeaders, PARTITION_KEY_FIELD, TOPIC_PARTITIONS, eventHeadersOf } from '../topics';
import { exampleEnvelopeOf } from './example-envelope';

export const ASYNCAPI_VERSION = '3.0.0';
export const KAFKA_BINDING_VERSION = '0.5.0';
/** The AsyncAPI document's path relative to the contracts package. */
export const ASYNCAPI_FILE = 'asyncapi.yaml';

/** Component keys; AsyncAPI allows letters, digits, `.`, `-` and `_`. */
export const messageIdOf = (def: Pick<EventDefinition, 'type' | 'version'>): string => `${def.type}.v${def.version}`;
export const dataSchemaIdOf = (def: Pick<EventDefinition, 'type' | 'version'>): string => `${def.type}.v${def.version}.data`;
export const channelIdOf = (service: ServiceName): string => `${service}Events`;
export const operationIdOf = (service: ServiceName): string => `publish${service[0].toUpperCase()}${service.slice(1)}Events`;

const ref = (pointer: string) => ({ $ref: pointer });
const schemaRef = (id: string) => ref(`#/components/schemas/${id}`);
/** TypeBox schemas are JSON Schema plus symbol-keyed metadata; a JSON round trip keeps only the former. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const DESCRIPTION = `Domain events of the after-sales platform, one Kafka topic per service.

- **Message key**: the event data's \`${PARTITION_KEY_FIELD}\`, so every event of one order is on one partition of each
  topic, in the order the service recorded it. There is no order across topics; merge by \`recordedAt\` if needed.
- **Message value**: the event envelope as UTF-8 JSON (\`EventEnvelope\`), whose \`data\` is the event's own schema,
  chosen by \`type\` and \`schemaVersion\`.
- **Headers**: repeat envelope metadata as UTF-8 text so consumers can route and trace without parsing the value.
- **Versioning**: a published (type, schemaVersion) never changes incompatibly; a breaking change is a new
  schemaVersion. Ignore properties you do not know, skip event types you do not know, and treat a known type with an
  unknown schemaVersion as a signal to upgrade. See contracts/INTEGRATORS.md.
- **Delivery**: at least once. Deduplicate on \`eventId\` (header \`event-id\`).

The platform's services send these messages; integrators receive them with their own consumer group.`;

const messageKeySchema = () => ({
  type: 'string',
  minLength: 1,
  description: `The event data's ${PARTITION_KEY_FIELD} as UTF-8 text: every event about one order has the same key.`,
});

function headersSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const header of EventHeaders) {
    const schema: Record<string, unknown> = { type: 'string', description: `${header.description} (from ${header.source})` };
    if (header.name === 'content-type') schema.const = 'application/json';
    if (header.name === 'schema-version' || header.name === 'position') schema.pattern = '^[1-9][0-9]*$';
    properties[header.name] = schema;
  }
  return {
    type: 'object',
    description:
      'Kafka headers of every event message; values are UTF-8 text. Optional headers are absent, never empty. Other headers may be added.',
    required: EventHeaders.filter((h) => h.always).map((h) => h.name),
    properties,
  };
}

function messageOf(def: EventDefinition): Record<string, unknown> {
  const example = exampleEnvelopeOf(def);
  return {
    name: def.type,
    title: `${def.type} v${def.version}`,
    summary: `${def.type}, schemaVersion ${def.version}, on ${def.topic}`,
    description: def.description,
    contentType: 'application/json',
    correlationId: ref('#/components/correlationIds/correlationId'),
    headers: {
      allOf: [
        schemaRef('EventHeaders'),
        {
          type: 'object',
          properties: { 'event-type': { const: def.type }, 'schema-version': { const: String(def.version) } },
        },
      ],
    },
    payload: {
      allOf: [
        schemaRef('EventEnvelope'),
        {
          type: 'object',
          required: ['type', 'schemaVersion', 'data'],
          properties: {
            type: { const: def.type },
            schemaVersion: { const: def.version },
            data: schemaRef(dataSchemaIdOf(def)),
          },
        },
      ],
    },
    // Inline: AsyncAPI's binding schema reads a lone $ref as both a Reference and a Schema, and rejects it.
    bindings: { kafka: { key: messageKeySchema(), bindingVersion: KAFKA_BINDING_VERSION } },
    examples: [
      {
        name: messageIdOf(def).replace('.', '-'),
        summary: `The catalogue's example of ${def.type} v${def.version}; the message key is ${partitionKeyOf(def.example)}`,
        headers: eventHeadersOf(example),
        payload: example,
      },
    ],
    'x-json-schema': `schemas/${eventSchemaPath(def)}`,
  };
}

function channelOf(service: ServiceName, definitions: readonly EventDefinition[]): Record<string, unknown> {
  const topic = topicOf(service);
  return {
    address: topic,
    title: `${service} events`,
    description: `Every event the ${service} service records, keyed by ${PARTITION_KEY_FIELD}.`,
    messages: Object.fromEntries(definitions.map((def) => [messageIdOf(def), ref(`#/components/messages/${messageIdOf(def)}`)])),
    bindings: { kafka: { topic, partitions: TOPIC_PARTITIONS, topicConfiguration: { 'retention.ms': -1 }, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

/** The AsyncAPI 3.0 document of every topic, header and event of the catalogue. Deterministic. */
export function asyncApiDocument(definitions: readonly EventDefinition[], options: { version: string }): Record<string, unknown> {
  const byService = (service: ServiceName) => definitions.filter((def) => def.service === service);
  const services = ServiceNames.filter((service) => byService(service).length > 0);
  const { $schema: _dialect, $id: _id, ...envelope } = envelopeSchemaDocument();
  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: 'After-sales platform domain events',
      version: options.version,
      description: DESCRIPTION,
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The single-node development broker of `pnpm kafka:start`; production brokers are given to each integrator.',
      },
    },
    channels: Object.fromEntries(services.map((service) => [channelIdOf(service), channelOf(service, byService(service))])),
    operations: Object.fromEntries(
      services.map((service) => [
        operationIdOf(service),
        {
          action: 'send',
          title: `The ${service} service publishes its events`,
          description: `Derived from the ${service} service's committed log; at least once, in log order per ${PARTITION_KEY_FIELD}.`,
          channel: ref(`#/channels/${channelIdOf(service)}`),
          messages: byService(service).map((def) => ref(`#/channels/${channelIdOf(service)}/messages/${messageIdOf(def)}`)),
        },
      ]),
    ),
    components: {
      schemas: {
        EventEnvelope: envelope,
        EventHeaders: headersSchema(),
        MessageKey: messageKeySchema(),
        ...Object.fromEntries(
          definitions.map((def) => [
            dataSchemaIdOf(def),
            { title: `${def.type} v${def.version} data`, description: def.description, ...plain(def.schema) },
          ]),
        ),
      },
      messages: Object.fromEntries(definitions.map((def) => [messageIdOf(def), messageOf(def)])),
      correlationIds: {
        correlationId: {
          description: 'Shared by every event caused, directly or not, by one original request.',
          location: '$message.header#/correlation-id',
        },
      },
    },
  };
}
