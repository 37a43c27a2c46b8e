import { jsonCopy } from './json-copy';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

class Money {
  constructor(readonly amount: number) {}
}

describe('jsonCopy', () => {
  it.each([
    ['a plain document', { id: 'o-1', total: 100, paid: true, notes: [{ text: 'a', flag: null }], address: { city: 'Hangzhou' } }],
    ['members JSON leaves out', { id: 'o-1', gone: undefined, call: () => 1, [Symbol('s')]: 1 }],
    ['array items JSON writes as null', { items: [undefined, () => 1, NaN, Infinity, -0, 3] }],
    ['a Date', { at: new Date('2026-11-02T08:00:00.000Z') }],
    ['a class instance', { price: new Money(5) }],
    ['an object with toJSON', { id: 'o-1', secret: { toJSON: () => 'hidden' } }],
    ['a __proto__ member', JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as unknown],
    ['an object without a prototype', Object.assign(Object.create(null) as object, { id: 'o-1' })],
    ['a sparse array', { items: [1, , 3] }],
  ])('given %s, then the copy is what a JSON round trip gives', (_what, value) => {
    const copy = jsonCopy(value);

    expect(copy).toStrictEqual(roundTrip(value));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
  });

  it('given a copy, when it is changed, then the original is not', () => {
    const original = { id: 'o-1', notes: [{ text: 'a' }] };

    const copy = jsonCopy(original);
    copy.notes.push({ text: 'b' });
    copy.notes[0].text = 'changed';

    expect(original).toEqual({ id: 'o-1', notes: [{ text: 'a' }] });
  });

  it('given values JSON refuses (a cycle, a bigint), then the copy refuses them too', () => {
    const cycle: Record<string, unknown> = { id: 'o-1' };
    cycle.self = cycle;

    expect(() => jsonCopy(cycle)).toThrow(TypeError);
    expect(() => jsonCopy({ amount: 10n })).toThrow(TypeError);
  });
});
