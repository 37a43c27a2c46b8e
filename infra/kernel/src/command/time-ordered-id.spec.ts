import { timeOrderedUuid } from './time-ordered-id';

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
