import { randomUuid, timeOrderedUuid } from './time-ordered-id';

describe('timeOrderedUuid', () => {
  it('given many ids made in a row, then each is a version 7 UUID and they sort in the order they were made', () => {
    const ids = Array.from({ length: 10_000 }, () => timeOrderedUuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('given an id, then its first 48 bits are the Unix milliseconds it was made at', () => {
    const before = Date.now();
    const id = timeOrderedUuid();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});

describe('randomUuid', () => {
  it('given many ids made in a row, then each is a version 4 UUID and none repeats', () => {
    const ids = Array.from({ length: 10_000 }, () => randomUuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('given ids made in turn with time-ordered ones, then both kinds stay well formed and distinct', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => (i % 2 === 0 ? randomUuid() : timeOrderedUuid()));
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id, i) => expect(id[14]).toBe(i % 2 === 0 ? '4' : '7'));
  });
});
