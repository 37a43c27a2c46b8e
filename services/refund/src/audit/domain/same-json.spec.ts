import { sameJson } from './same-json';

describe('sameJson', () => {
  it('given values that serialise alike, then they are the same, whatever the key order', () => {
    expect(sameJson({ a: 1, b: [1, 'x', { c: null }] }, { b: [1, 'x', { c: null }], a: 1 })).toBe(true);
    expect(sameJson('late_shipment', 'late_shipment')).toBe(true);
    expect(sameJson({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
  });

  it('given values that serialise differently, then they differ', () => {
    expect(sameJson({ amount: 500 }, { amount: 501 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
