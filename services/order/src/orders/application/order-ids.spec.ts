import { newOrderId } from './order-ids';

describe('newOrderId', () => {
  it('given a clock that stands still, when many orders are placed, then their ids are unique and sort in placement order', () => {
    const now = new Date('2026-11-02T08:00:00.000Z');

    const ids = Array.from({ length: 5_000 }, () => newOrderId(now));

    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^ord_[0-9a-z]{9}[0-9a-f]{10}$/);
  });

  it('given a later time, then the id starts with that time in base36', () => {
    const later = new Date('2026-12-24T10:00:00.000Z');

    const id = newOrderId(later);

    expect(id.slice(4, 13)).toBe(later.getTime().toString(36).padStart(9, '0'));
  });
});
