import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('given objects with keys in different orders at every depth, when serialised, then the strings are equal', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('given arrays in different orders, when serialised, then the strings differ', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('given undefined members, when serialised, then they are left out like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
