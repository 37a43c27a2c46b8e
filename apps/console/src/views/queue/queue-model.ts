import type { WorkItem } from '../../api/work-queue';

/**
 * The queue's order and what changed between two polls, as plain functions (the page only renders them).
 * Overdue: a breach event recorded it (the server's `overdue`) or its deadline has passed on the viewer's clock
 * (the breach event may be a moment behind).
 */

export const isOverdue = (item: WorkItem, now: number): boolean => item.overdue || (item.dueAt !== null && Date.parse(item.dueAt) <= now);

/** A stable key per item (an evidence request's id is unique only within its case). */
export const itemKey = (item: WorkItem): string => `${item.kind}:${item.disputeId ? `${item.disputeId}/` : ''}${item.id}`;

/** Overdue first, then by deadline (none last), then as the server listed them. */
export function orderQueue(items: readonly WorkItem[], now: number): WorkItem[] {
  return items
    .map((item, index) => ({ item, index, overdue: isOverdue(item, now), due: item.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(item.dueAt) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due - b.due || a.index - b.index)
    .map(({ item }) => item);
}

/** What the viewer saw of each item at the last poll: whether it was overdue. */
export type QueueSnapshot = ReadonlyMap<string, boolean>;

export const snapshotOf = (items: readonly WorkItem[], now: number): QueueSnapshot => new Map(items.map((item) => [itemKey(item), isOverdue(item, now)]));

/**
 * The items to highlight after a poll: new since the last snapshot, or overdue now and not then. Nothing on the
 * first load (no snapshot yet): everything would be "new".
 */
export function freshItems(previous: QueueSnapshot | undefined, items: readonly WorkItem[], now: number): Set<string> {
  const fresh = new Set<string>();
  if (!previous) return fresh;
  for (const item of items) {
    const key = itemKey(item);
    const before = previous.get(key);
    if (before === undefined || (!before && isOverdue(item, now))) fresh.add(key);
  }
  return fresh;
}

/** The row the arrow keys move to, kept inside the list (none selected: ↓ takes the first, ↑ the last). */
export function moveSelection(current: number | undefined, key: 'ArrowUp' | 'ArrowDown', count: number): number | undefined {
  if (count === 0) return undefined;
  if (current === undefined) return key === 'ArrowDown' ? 0 : count - 1;
  return key === 'ArrowDown' ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}
