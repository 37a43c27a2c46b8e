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

describe('canonicalJson without recursion', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = { leaf: true };
    for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { z: value, a: i } : [value, i];
    return value;
  };

  it('given a value nested 10 000 deep, when serialised, then it does not overflow the stack', () => {
    expect(() => canonicalJson(nested(10_000))).not.toThrow();
  });

  it('given ordinary values, when serialised, then the text is JSON.stringify of the key-sorted value (stored hashes stay valid)', () => {
    const samples: unknown[] = [
      { b: [1, 'two', null, { d: 4, c: [true, false] }], a: { y: 'é"\\\n', x: -0.5e-7 } },
      [undefined, () => 1, { u: undefined, f: () => 1, n: null }],
      { date: new Date('2026-01-02T03:04:05.000Z'), nan: NaN },
      'text',
      42,
      null,
      [],
      {},
      nested(20),
    ];
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sorted);
      if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
    };
    for (const sample of samples) expect(canonicalJson(sample)).toBe(JSON.stringify(sorted(sample)) ?? 'null');
  });
});
