import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PROTECTED_FIELDS } from '../protected-fields';
import { orderEvents } from './events';

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => isoDateTime.test(v) && !Number.isNaN(Date.parse(v)));

describe('order event contracts', () => {
  it.each(orderEvents.map((d) => [d.type, d] as const))('%s: the example matches its schema', (_type, definition) => {
    const errors = [...Value.Errors(definition.schema, definition.example)].map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual([]);
  });

  it('every event is version 1 of the order service (2 where buyer personal data may be sealed), carries orderId and forbids unknown fields', () => {
    for (const definition of orderEvents) {
      expect(definition).toMatchObject({
        service: 'order',
        version: PROTECTED_FIELDS[definition.type] ? expect.any(Number) : 1,
        topic: 'aftersales.order.events.v1',
      });
      expect(definition.schema.required).toContain('orderId');
      expect(definition.schema.additionalProperties).toBe(false);
      expect(definition.description.length).toBeGreaterThan(20);
    }
  });

  it('event types are unique PascalCase names, each version once', () => {
    const types = orderEvents.map((d) => d.type);
    expect(new Set(orderEvents.map((d) => `${d.type}@${d.version}`)).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it('a schema refuses an unknown field and fractional money', () => {
    const placed = orderEvents.find((d) => d.type === 'OrderPlaced')!;
    expect(Value.Check(placed.schema, { ...placed.example, extra: 1 })).toBe(false);
    expect(Value.Check(placed.schema, { ...placed.example, total: 266.5 })).toBe(false);
  });

  it('given a sealed version, then it accepts an envelope where the address was, and still the clear address', () => {
    const [v1, v2] = orderEvents.filter((d) => d.type === 'OrderPlaced');
    const envelope = { enc: 'v1', keyId: 'k-1', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' };

    expect(v2.version).toBe(2);
    expect(Value.Check(v2.schema, { ...v1.example, address: envelope })).toBe(true);
    expect(Value.Check(v2.schema, v1.example)).toBe(true);
    expect(Value.Check(v1.schema, { ...v1.example, address: envelope })).toBe(false);
    expect(Value.Check(v2.schema, { ...v1.example, address: { ...envelope, extra: 1 } })).toBe(false);
  });
});
