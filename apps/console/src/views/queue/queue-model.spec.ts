import type { WorkItem } from '../../api/work-queue';
import { freshItems, isOverdue, itemKey, moveSelection, orderQueue, snapshotOf } from './queue-model';

const NOW = Date.parse('2026-11-05T08:00:00.000Z');
const item = (id: string, dueAt: string | null, overdue = false, extra: Partial<WorkItem> = {}): WorkItem => ({
  kind: 'refund',
  id,
  orderId: `ord-${id}`,
  shopId: 'shop-1',
  status: 'waiting_merchant',
  dueAt,
  overdue,
  ...extra,
});

describe('orderQueue', () => {
  it('given overdue and pending items, when ordered, then the overdue come first, each group by deadline, undated last', () => {
    const items = [
      item('later', '2026-11-06T08:00:00.000Z'),
      item('undated', null),
      item('breached', '2026-11-05T09:00:00.000Z', true),
      item('soon', '2026-11-05T10:00:00.000Z'),
      item('past', '2026-11-04T08:00:00.000Z'),
    ];

    expect(orderQueue(items, NOW).map((i) => i.id)).toEqual(['past', 'breached', 'soon', 'later', 'undated']);
  });

  it('given equal deadlines, when ordered, then the server’s order is kept', () => {
    const items = [item('b', '2026-11-06T08:00:00.000Z'), item('a', '2026-11-06T08:00:00.000Z')];
    expect(orderQueue(items, NOW).map((i) => i.id)).toEqual(['b', 'a']);
  });
});

describe('isOverdue', () => {
  it('given a breach recorded, or a deadline passed on the viewer’s clock, then overdue; otherwise not', () => {
    expect(isOverdue(item('a', '2026-11-06T08:00:00.000Z', true), NOW)).toBe(true);
    expect(isOverdue(item('b', '2026-11-05T08:00:00.000Z'), NOW)).toBe(true);
    expect(isOverdue(item('c', '2026-11-05T08:00:01.000Z'), NOW)).toBe(false);
    expect(isOverdue(item('d', null), NOW)).toBe(false);
  });
});

describe('freshItems', () => {
  it('given the first load, then nothing is highlighted', () => {
    expect(freshItems(undefined, [item('a', null)], NOW).size).toBe(0);
  });

  it('given a poll after a snapshot, then new items and newly overdue ones are highlighted, unchanged ones not', () => {
    const dueSoon = item('due-soon', '2026-11-05T09:00:00.000Z');
    const steady = item('steady', '2026-11-07T09:00:00.000Z');
    const before = snapshotOf([dueSoon, steady], NOW);
    const later = NOW + 2 * 3_600_000;

    const fresh = freshItems(before, [dueSoon, steady, item('new', null)], later);

    expect([...fresh].sort()).toEqual([itemKey(dueSoon), 'refund:new'].sort());
  });

  it('given an evidence request, then its key includes its case (ids repeat across cases)', () => {
    expect(itemKey(item('ev-1', null, false, { kind: 'evidence_request', disputeId: 'dsp-1' }))).toBe('evidence_request:dsp-1/ev-1');
  });
});

describe('moveSelection', () => {
  it('given arrow keys, then the selection moves and stays within the list', () => {
    expect(moveSelection(undefined, 'ArrowDown', 3)).toBe(0);
    expect(moveSelection(undefined, 'ArrowUp', 3)).toBe(2);
    expect(moveSelection(0, 'ArrowDown', 3)).toBe(1);
    expect(moveSelection(2, 'ArrowDown', 3)).toBe(2);
    expect(moveSelection(0, 'ArrowUp', 3)).toBe(0);
    expect(moveSelection(1, 'ArrowUp', 0)).toBeUndefined();
  });
});
