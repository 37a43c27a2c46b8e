import { Type, type TSchema } from '@sinclair/typebox';
import { Id, Money, OneOf } from '../common';
import { breakingChanges, type BreakingRule } from './schema-compatibility';

type Schema = Record<string, any>;
const plain = (schema: TSchema): Schema => JSON.parse(JSON.stringify(schema));

/** A published event schema with every shape the contracts use: enum, nullable union, nested array of objects. */
const published = plain(
  Type.Object(
    {
      orderId: Id('Order id'),
      reason: OneOf(['damaged', 'late'], 'Why'),
      amount: Money(),
      note: Type.Optional(Type.String({ maxLength: 200, pattern: '^\\S' })),
      causationId: Type.Union([Type.String(), Type.Null()]),
      items: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), {
        minItems: 1,
      }),
      meta: Type.Object({ source: Type.String() }),
    },
    { additionalProperties: false, description: 'Published' },
  ),
);

/** The published schema with one edit, as the current code would export it. */
const edited = (edit: (schema: Schema) => void): Schema => {
  const schema = structuredClone(published);
  edit(schema);
  return schema;
};
const rulesOf = (current: Schema) => breakingChanges(published, current).map(({ rule, path }) => `${rule} ${path}`);

describe('breaking changes to a published event schema', () => {
  it.each<[string, (schema: Schema) => void, `${BreakingRule} ${string}`]>([
    ['an optional field removed', (s) => delete s.properties.note, 'field-removed /note'],
    [
      'a required field removed',
      (s) => {
        delete s.properties.amount;
        s.required = s.required.filter((k: string) => k !== 'amount');
      },
      'field-removed /amount',
    ],
    ['an optional field made required', (s) => s.required.push('note'), 'field-made-required /note'],
    [
      'a field added as required',
      (s) => {
        s.properties.channel = { type: 'string' };
        s.required.push('channel');
      },
      'required-field-added /channel',
    ],
    [
      'a required field made optional',
      (s) => (s.required = s.required.filter((k: string) => k !== 'amount')),
      'field-made-optional /amount',
    ],
    ['a type changed', (s) => (s.properties.amount.type = 'number'), 'type-changed /amount'],
    ['a nested type changed', (s) => (s.properties.items.items.properties.quantity.type = 'string'), 'type-changed /items/[]/quantity'],
    ['a field made nullable', (s) => (s.properties.orderId = { anyOf: [s.properties.orderId, { type: 'null' }] }), 'type-changed /orderId'],
    ['null removed from a union', (s) => (s.properties.causationId = { type: 'string' }), 'type-changed /causationId'],
    ['a variant added to a union', (s) => s.properties.causationId.anyOf.push({ type: 'integer' }), 'type-changed /causationId'],
    ['an enum value removed', (s) => s.properties.reason.anyOf.pop(), 'enum-value-removed /reason'],
    ['an enum value added', (s) => s.properties.reason.anyOf.push({ const: 'lost', type: 'string' }), 'enum-value-added /reason'],
    ['an enum replaced by a free string', (s) => (s.properties.reason = { type: 'string' }), 'type-changed /reason'],
    [
      'additionalProperties tightened on an open object',
      (s) => (s.properties.meta.additionalProperties = false),
      'additional-properties-tightened /meta',
    ],
    ['a maximum tightened', (s) => (s.properties.note.maxLength = 100), 'constraint-changed /note'],
    ['a minimum loosened', (s) => delete s.properties.amount.minimum, 'constraint-changed /amount'],
    [
      'a nested minimum tightened',
      (s) => (s.properties.items.items.properties.quantity.minimum = 2),
      'constraint-changed /items/[]/quantity',
    ],
    ['a pattern changed', (s) => (s.properties.note.pattern = '^[a-z]'), 'constraint-changed /note'],
    ['a format added', (s) => (s.properties.orderId.format = 'uuid'), 'constraint-changed /orderId'],
    ['a keyword the checker cannot reason about', (s) => (s.properties.meta.allOf = [{ required: ['source'] }]), 'schema-changed /meta'],
  ])('fails on %s', (_label, edit, expected) => {
    // given the published schema and a current schema with the edit
    // when they are compared
    const found = rulesOf(edited(edit));
    // then the edit is reported, under its rule and path
    expect(found).toContain(expected);
  });

  it('says which way a constraint moved', () => {
    const [tightened] = breakingChanges(
      published,
      edited((s) => (s.properties.note.maxLength = 100)),
    );
    const [loosened] = breakingChanges(
      published,
      edited((s) => (s.properties.note.maxLength = 500)),
    );
    expect(tightened.detail).toMatch(/200 → 100 \(tightened/);
    expect(loosened.detail).toMatch(/200 → 500 \(loosened/);
  });

  it.each<[string, (schema: Schema) => void]>([
    ['nothing changed', () => undefined],
    [
      'descriptions, titles, examples and defaults changed',
      (s) => {
        s.description = 'Reworded';
        s.title = 'New title';
        s.examples = [{ orderId: 'x' }];
        s.properties.amount.description = 'Reworded';
        s.properties.reason.default = 'late';
        s['x-aftersales'] = { note: 'extensions are annotations' };
      },
    ],
    ['an optional field added', (s) => (s.properties.channel = { type: 'string' })],
    ['an optional field added inside array items', (s) => (s.properties.items.items.properties.giftWrap = { type: 'boolean' })],
    ['additionalProperties loosened', (s) => delete s.additionalProperties],
    ['enum values reordered', (s) => s.properties.reason.anyOf.reverse()],
    ['union variants reordered', (s) => s.properties.causationId.anyOf.reverse()],
    ['an enum written as enum instead of a union of consts', (s) => (s.properties.reason = { type: 'string', enum: ['late', 'damaged'] })],
  ])('passes when %s', (_label, edit) => {
    expect(rulesOf(edited(edit))).toEqual([]);
  });

  it('reports every change of a multi-change edit, not only the first', () => {
    const found = rulesOf(
      edited((s) => {
        delete s.properties.note;
        s.properties.amount.type = 'string';
        s.properties.reason.anyOf.pop();
      }),
    );
    expect(found).toEqual(expect.arrayContaining(['field-removed /note', 'type-changed /amount', 'enum-value-removed /reason']));
    expect(found).toHaveLength(3);
  });
});
