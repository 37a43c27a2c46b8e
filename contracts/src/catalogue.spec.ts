import { Type } from '@sinclair/typebox';
import {
  UnknownEventError,
  allEvents,
  createEventCatalogue,
  eventDefinition,
  schemaVersionOf,
  topicForEventType,
  validateEventData,
} from './catalogue';
import { Id, Money } from './common';
import { ServiceNames, defineEvent, partitionKeyOf, topicOf } from './define-event';
import { RefundRequestedEvent } from './refund/events';

const label = (def: { type: string; version: number }) => `${def.type} v${def.version}`;
const cases = allEvents.map((def) => [label(def), def] as const);

describe('the event catalogue', () => {
  it('registers events of all five services', () => {
    // given the catalogue / when grouping it by service
    const services = new Set(allEvents.map((def) => def.service));
    // then every service publishes something
    expect([...services].sort()).toEqual([...ServiceNames].sort());
  });

  it.each(cases)('%s: its example is valid against its own schema', (_label, def) => {
    // given an event definition / when validating its example with the compiled validator
    const errors = validateEventData(def.type, def.version, def.example);
    // then there is nothing to report
    expect(errors).toEqual([]);
  });

  it.each(cases)('%s: its data carries a required string orderId, the partition key', (_label, def) => {
    // given the schema / then orderId is a required string property
    expect(def.schema.required).toContain('orderId');
    expect(def.schema.properties.orderId).toMatchObject({ type: 'string' });
    // and the example can be partitioned by it
    expect(partitionKeyOf(def.example)).toBe((def.example as { orderId: string }).orderId);
  });

  it.each(cases)('%s: it is published on its service topic', (_label, def) => {
    expect(def.topic).toBe(topicOf(def.service));
    expect(topicForEventType(def.type)).toBe(topicOf(def.service));
  });

  it('has unique (type, version) pairs', () => {
    // given every registered definition / when keying them by type and version
    const keys = allEvents.map(label);
    // then no key appears twice
    const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(duplicates).toEqual([]);
  });

  it('uses PascalCase past-tense-style names and positive integer versions', () => {
    for (const def of allEvents) {
      expect(def.type).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(Number.isInteger(def.version) && def.version >= 1).toBe(true);
    }
  });

  it('looks definitions up by type and version and knows the latest version', () => {
    // given a registered event / when looking it up
    const def = eventDefinition('RefundRequested', 1);
    // then it is the registered definition, and writers use its highest version
    expect(def).toBe(RefundRequestedEvent);
    expect(schemaVersionOf('RefundRequested')).toBe(
      Math.max(...allEvents.filter((d) => d.type === 'RefundRequested').map((d) => d.version)),
    );
  });

  it('refuses unknown types and versions', () => {
    expect(() => eventDefinition('RefundTeleported', 1)).toThrow(UnknownEventError);
    expect(() => eventDefinition('RefundRequested', 99)).toThrow(UnknownEventError);
    expect(() => schemaVersionOf('RefundTeleported')).toThrow(UnknownEventError);
    expect(() => topicForEventType('RefundTeleported')).toThrow(UnknownEventError);
    expect(() => validateEventData('RefundTeleported', 1, {})).toThrow(UnknownEventError);
  });
});

describe('validating event data', () => {
  it('reports one error per bad field, with its path', () => {
    // given a RefundRequested with a fractional amount, an unknown type, no orderId, a bad date and an extra field
    const { orderId: _omitted, ...withoutOrderId } = RefundRequestedEvent.example;
    const bad = {
      ...withoutOrderId,
      amount: 199.5,
      type: 'teleport',
      requestedAt: 'yesterday',
      items: [{ sku: 'TEA-POT-01', quantity: 0 }],
      couponCode: 'X',
    };
    // when validating it
    const errors = validateEventData('RefundRequested', 1, bad);
    // then every bad field is named
    const paths = new Set(errors.map((e) => e.path));
    expect(paths).toEqual(new Set(['/orderId', '/amount', '/type', '/requestedAt', '/items/0/quantity', '/couponCode']));
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('accepts ISO date-times with an offset and refuses impossible dates', () => {
    const at = (requestedAt: string) => validateEventData('RefundRequested', 1, { ...RefundRequestedEvent.example, requestedAt });
    expect(at('2026-11-08T17:30:00+08:00')).toEqual([]);
    expect(at('2026-13-45T99:00:00Z').map((e) => e.path)).toEqual(['/requestedAt']);
  });

  it('reports a non-object payload at the root', () => {
    expect(validateEventData('RefundRequested', 1, 'nope').map((e) => e.path)).toContain('');
  });
});

describe('a catalogue with several versions of one type', () => {
  const v1 = defineEvent({
    type: 'ParcelWeighed',
    version: 1,
    service: 'logistics',
    description: 'v1 weighs in grams',
    schema: Type.Object({ orderId: Id('order'), grams: Money('weight') }, { additionalProperties: false }),
    example: { orderId: 'o-1', grams: 1200 },
  });
  const v2 = defineEvent({
    type: 'ParcelWeighed',
    version: 2,
    service: 'logistics',
    description: 'v2 renames grams to weightGrams (breaking)',
    schema: Type.Object({ orderId: Id('order'), weightGrams: Money('weight') }, { additionalProperties: false }),
    example: { orderId: 'o-1', weightGrams: 1200 },
  });

  it('keeps every version, writes the latest and validates each against its own schema', () => {
    // given v2 registered before v1
    const catalogue = createEventCatalogue([v2, v1]);
    // then both are known and the latest is 2
    expect(catalogue.versionsOf('ParcelWeighed')).toEqual([1, 2]);
    expect(catalogue.latestVersion('ParcelWeighed')).toBe(2);
    expect(catalogue.definition('ParcelWeighed', 1)).toBe(v1);
    // and old data stays valid under v1 but not under v2
    expect(catalogue.validate('ParcelWeighed', 1, v1.example)).toEqual([]);
    expect(catalogue.validate('ParcelWeighed', 2, v1.example).map((e) => e.path)).toEqual(
      expect.arrayContaining(['/grams', '/weightGrams']),
    );
  });

  it('refuses the same (type, version) twice', () => {
    expect(() => createEventCatalogue([v1, { ...v1 }])).toThrow(/ParcelWeighed v1 is defined twice/);
  });

  it('refuses one type published by two services', () => {
    expect(() => createEventCatalogue([v1, { ...v2, service: 'order', topic: topicOf('order') }])).toThrow(/two services/);
  });
});
