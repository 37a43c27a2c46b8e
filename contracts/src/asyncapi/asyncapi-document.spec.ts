import { readFileSync } from 'node:fs';
import { messageOfEvent } from '@aftersales/kernel';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { parse } from 'yaml';
import { allEvents, validateEventData } from '../catalogue';
import { ServiceNames, partitionKeyOf, topicOf } from '../define-event';
import { EnvelopeSchema } from '../envelope';
import { registerContractFormats } from '../formats';
import { EventHeaders, TOPIC_PARTITIONS } from '../topics';
import { DEFAULT_ASYNCAPI_PATH, contractsVersion, generateAsyncApiYaml } from '../scripts/export-json-schemas';
import { asyncApiDocument, channelIdOf, dataSchemaIdOf, messageIdOf } from './document';

const doc = asyncApiDocument(allEvents, { version: '1.2.3' }) as any;

/** Every `$ref` in the document with the JSON pointer of where it is. */
function refsIn(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => refsIn(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string'
      ? [{ at, ref: value }]
      : refsIn(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

/** The target of a local reference (`#/a/b`), or undefined. */
function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node !== null && typeof node === 'object' && key in node ? node[key] : undefined), document);
}

describe('AsyncAPI document', () => {
  it('has the required AsyncAPI 3.0 fields', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.info).toEqual(expect.objectContaining({ title: expect.any(String), version: '1.2.3' }));
    expect(doc.defaultContentType).toBe('application/json');
    for (const server of Object.values<any>(doc.servers))
      expect(server).toEqual(expect.objectContaining({ host: expect.any(String), protocol: 'kafka' }));
    // component keys must match AsyncAPI's key pattern
    for (const section of Object.values<any>(doc.components)) {
      for (const key of Object.keys(section)) expect(key).toMatch(/^[a-zA-Z0-9.\-_]+$/);
    }
  });

  it('resolves every $ref inside the document', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(allEvents.length * 4);
    const dangling = refs.filter(({ ref }) => resolve(doc, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('the reference check can fail: a dangling $ref is found', () => {
    const broken = structuredClone(doc);
    broken.channels.orderEvents.messages['OrderPlaced.v1'].$ref = '#/components/messages/OrderVanished.v1';
    expect(refsIn(broken).filter(({ ref }) => resolve(broken, ref) === undefined)).toHaveLength(1);
  });

  it('has one channel per service topic, with its Kafka binding', () => {
    expect(Object.keys(doc.channels)).toEqual(ServiceNames.map(channelIdOf));
    for (const service of ServiceNames) {
      const channel = doc.channels[channelIdOf(service)];
      expect(channel.address).toBe(topicOf(service));
      expect(channel.bindings.kafka).toEqual({ topic: topicOf(service), partitions: TOPIC_PARTITIONS, topicConfiguration: { 'retention.ms': -1 }, bindingVersion: '0.5.0' });
    }
  });

  it('has one send operation per channel, whose messages are that channel’s messages', () => {
    const operations = Object.values<any>(doc.operations);
    expect(operations).toHaveLength(ServiceNames.length);
    for (const operation of operations) {
      expect(operation.action).toBe('send');
      const channelPointer: string = operation.channel.$ref;
      expect(resolve(doc, channelPointer)).toBeDefined();
      for (const message of operation.messages) expect(message.$ref.startsWith(`${channelPointer}/messages/`)).toBe(true);
      expect(operation.messages).toHaveLength(Object.keys((resolve(doc, channelPointer) as any).messages).length);
    }
  });

  it.each(allEvents.map((def) => [`${def.type} v${def.version}`, def] as const))(
    '%s: is a message of its service channel',
    (_label, def) => {
      // given the event's message
      const id = messageIdOf(def);
      const message = doc.components.messages[id];
      // then it is listed on its own channel only
      for (const service of ServiceNames) {
        expect(id in doc.channels[channelIdOf(service)].messages).toBe(service === def.service);
      }
      // and its payload is the envelope with this type, version and data schema
      const [envelope, specifics] = message.payload.allOf;
      expect(envelope).toEqual({ $ref: '#/components/schemas/EventEnvelope' });
      expect(specifics.properties.type).toEqual({ const: def.type });
      expect(specifics.properties.schemaVersion).toEqual({ const: def.version });
      const data = resolve(doc, specifics.properties.data.$ref) as any;
      expect({ properties: data.properties, required: data.required, additionalProperties: data.additionalProperties }).toEqual(
        JSON.parse(
          JSON.stringify({
            properties: def.schema.properties,
            required: def.schema.required,
            additionalProperties: def.schema.additionalProperties,
          }),
        ),
      );
      expect(specifics.properties.data.$ref).toBe(`#/components/schemas/${dataSchemaIdOf(def)}`);
      // and its headers pin the event type and version; the key is the order id
      expect(message.headers.allOf[1].properties).toEqual({
        'event-type': { const: def.type },
        'schema-version': { const: String(def.version) },
      });
      expect(message.bindings.kafka.key).toEqual(doc.components.schemas.MessageKey);
    expect(message.bindings.kafka.key).toEqual(expect.objectContaining({ type: 'string', minLength: 1 }));
    },
  );

  it.each(allEvents.map((def) => [`${def.type} v${def.version}`, def] as const))(
    '%s: its example is a valid envelope with exactly the headers the platform sends',
    (_label, def) => {
      registerContractFormats();
      const [example] = doc.components.messages[messageIdOf(def)].examples;
      // the payload is a valid envelope of this event, carrying the catalogue's example
      expect([...TypeCompiler.Compile(EnvelopeSchema).Errors(example.payload)]).toEqual([]);
      expect(example.payload).toEqual(expect.objectContaining({ type: def.type, schemaVersion: def.version, data: def.example }));
      expect(validateEventData(def.type, def.version, example.payload.data)).toEqual([]);
      // the headers are what the kernel's bus publisher writes for that envelope
      const sent = messageOfEvent(example.payload, partitionKeyOf);
      expect(example.headers).toEqual(sent.headers);
      expect(sent.value).toBe(JSON.stringify(example.payload));
      // and every header the schema requires is there
      for (const name of doc.components.schemas.EventHeaders.required) expect(example.headers[name]).toEqual(expect.any(String));
    },
  );

  it('documents exactly the headers the kernel writes, optional ones as not required', () => {
    const headers = doc.components.schemas.EventHeaders;
    expect(Object.keys(headers.properties)).toEqual(EventHeaders.map((h) => h.name));
    // an event without causation or trace: the kernel omits exactly the headers documented as optional
    const def = allEvents[0];
    const [example] = doc.components.messages[messageIdOf(def)].examples;
    const bare = { ...example.payload, causationId: null, trace: undefined };
    const sent = Object.keys(messageOfEvent(bare, partitionKeyOf).headers).sort();
    expect(sent).toEqual([...headers.required].sort());
    // a fully traced event: the kernel writes every documented header and no other
    const full = { ...example.payload, trace: { traceparent: example.payload.trace.traceparent, tracestate: 'vendor=1' } };
    expect(Object.keys(messageOfEvent(full, partitionKeyOf).headers).sort()).toEqual(Object.keys(headers.properties).sort());
  });

  it('is deterministic', () => {
    expect(asyncApiDocument(allEvents, { version: '1.2.3' })).toEqual(doc);
  });

  it('the committed contracts/asyncapi.yaml is the YAML of the document (run pnpm contracts:export after changing a contract)', () => {
    const committed = readFileSync(DEFAULT_ASYNCAPI_PATH, 'utf8');
    expect(committed).toBe(generateAsyncApiYaml());
    expect(parse(committed)).toEqual(asyncApiDocument(allEvents, { version: contractsVersion() }));
  });
});
