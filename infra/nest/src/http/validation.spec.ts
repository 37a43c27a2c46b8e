import { Type } from '@sinclair/typebox';
import { validate } from './validation';

const Order = Type.Object(
  {
    currency: Type.Optional(Type.String({ default: 'CNY' })),
    paymentMethod: Type.Union([Type.Literal('online'), Type.Literal('cod')]),
    placedAt: Type.Optional(Type.String({ format: 'date-time' })),
    items: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

describe('validate', () => {
  it('given a valid input without optional fields, when validated, then defaults are applied to a copy', () => {
    const input = { paymentMethod: 'cod', items: [{ sku: 'A', quantity: 1 }] };

    const result = validate(Order, input);

    expect(result).toEqual({ ok: true, value: { ...input, currency: 'CNY' } });
    expect(input).not.toHaveProperty('currency');
  });

  it('given a default only deep inside the schema, when validated, then it is applied there too', () => {
    const Wrapper = Type.Object({ order: Order });
    const input = { order: { paymentMethod: 'cod', items: [] } };

    const result = validate(Wrapper, input);

    expect(result).toEqual({ ok: true, value: { order: { paymentMethod: 'cod', items: [], currency: 'CNY' } } });
    expect(input.order).not.toHaveProperty('currency');
  });

  it('given a schema without defaults, when a valid input is validated, then it comes back unchanged', () => {
    const Note = Type.Object({ text: Type.String(), flag: Type.Optional(Type.String()) }, { additionalProperties: false });

    expect(validate(Note, { text: 'call back' })).toEqual({ ok: true, value: { text: 'call back' } });
    expect(validate(Note, { text: 1 }).ok).toBe(false);
  });

  it('given several bad fields, when validated, then one error per field with a JSON pointer', () => {
    const result = validate(Order, { paymentMethod: 'cash', items: [{ quantity: 0 }], colour: 'red' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { field: '/paymentMethod', message: 'must be one of online, cod' },
        { field: '/items/0/sku', message: 'required' },
        { field: '/items/0/quantity', message: expect.stringContaining('1') },
        { field: '/colour', message: 'unknown field' },
      ]),
    );
    expect(result.errors).toHaveLength(4);
  });

  it('given a timestamp, when validated, then date-time format is checked', () => {
    const base = { paymentMethod: 'online', items: [] };

    expect(validate(Order, { ...base, placedAt: '2024-01-01T08:00:00.000Z' }).ok).toBe(true);
    expect(validate(Order, { ...base, placedAt: 'yesterday' })).toEqual({
      ok: false,
      errors: [{ field: '/placedAt', message: expect.stringContaining('date-time') }],
    });
  });

  it('given a non-object where an object is expected, when validated, then the error is on the root', () => {
    expect(validate(Order, 'hello')).toMatchObject({ ok: false, errors: [{ field: '/' }] });
  });

  it('given query strings, when validated with convert, then numbers and booleans are converted', () => {
    const Query = Type.Object({ limit: Type.Optional(Type.Integer()), open: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String()) });

    expect(validate(Query, { limit: '20', open: 'true', q: '42' }, { convert: true })).toEqual({
      ok: true,
      value: { limit: 20, open: true, q: '42' },
    });
    expect(validate(Query, { limit: '20' }).ok).toBe(false);
  });
});
