import { Type, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { withSchemaDefaults } from './schema-defaults';

const Line = Type.Object({ sku: Type.String(), gift: Type.Optional(Type.Boolean({ default: false })) });
const Order = Type.Object({
  currency: Type.Optional(Type.String({ default: 'CNY' })),
  items: Type.Array(Line),
  tags: Type.Optional(Type.Array(Type.String(), { default: [] })),
  meta: Type.Optional(Type.Object({ source: Type.String({ default: 'web' }) }, { default: {} })),
  choice: Type.Optional(Type.Union([Type.Object({ a: Type.Number({ default: 1 }) }), Type.String()])),
  plain: Type.Object({ note: Type.String() }),
});

/** What validation did before: TypeBox's defaults on a whole copy. */
const typeBoxDefaults = (schema: TSchema, input: unknown): unknown => Value.Default(schema, Value.Clone(input));

describe('withSchemaDefaults', () => {
  const inputs: unknown[] = [
    { items: [{ sku: 'tea' }], plain: { note: 'x' } },
    { currency: 'EUR', items: [{ sku: 'tea', gift: true }, { sku: 'cup' }], tags: ['a'], meta: { source: 'app' }, choice: {}, plain: { note: 'x' } },
    { items: [], meta: {}, choice: 'text', plain: { note: 'x' }, extra: 1 },
    { items: 'not an array', meta: 'not an object' },
    'not an object',
    undefined,
    null,
  ];

  it.each(inputs.map((input) => [JSON.stringify(input) ?? 'undefined', input]))(
    'given %s, when defaults are applied, then the value is the one TypeBox gives on a copy, and the input is unchanged',
    (_, input) => {
      const before = structuredClone(input);

      expect(withSchemaDefaults(Order, input)).toEqual(typeBoxDefaults(Order, input));
      expect(input).toEqual(before);
    },
  );

  it('given a schema without defaults, then the very input comes back (nothing to copy)', () => {
    const input = { sku: 'tea' };

    expect(withSchemaDefaults(Type.Object({ sku: Type.String() }), input)).toBe(input);
  });

  it('given defaults applied twice to the same schema, then each result is its own copy of the default', () => {
    const first = withSchemaDefaults(Order, { items: [], plain: { note: 'x' } }) as { tags: string[] };
    first.tags.push('changed');

    expect(withSchemaDefaults(Order, { items: [], plain: { note: 'x' } })).toMatchObject({ tags: [] });
  });
});
