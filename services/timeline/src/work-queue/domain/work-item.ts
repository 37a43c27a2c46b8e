/**
 * What waits on a shop: a refund to answer or whose return to confirm, a case, an evidence request, a compensation to
 * approve, a bad-review follow-up, a case's remedy to approve.
 */
export const WorkItemKinds = ['refund', 'dispute', 'evidence_request', 'compensation', 'review_follow_up', 'remedy_approval'] as const;
export type WorkItemKind = (typeof WorkItemKinds)[number];

/** One item of GET /work-queue. `dueAt` null: no deadline runs (it sorts after every dated item). */
export interface WorkItem {
  kind: WorkItemKind;
  id: string;
  orderId: string;
  shopId: string;
  status: string;
  dueAt: string | null;
  /** True once a breach event says a deadline of the item passed (not the clock: the queue rebuilds from the log). */
  overdue: boolean;
  assigneeId?: string;
  /** The case an evidence request or a remedy belongs to. */
  disputeId?: string;
}

/** Sorts after any ISO 8601 instant. */
const UNDATED = '~';

/** The listing's document id: the queue's order (due time, then kind and id), unique per item. */
export const sortKeyOf = (item: Pick<WorkItem, 'kind' | 'id' | 'dueAt' | 'disputeId'>): string =>
  `${item.dueAt ?? UNDATED}|${item.kind}|${item.disputeId ? `${item.disputeId}/` : ''}${item.id}`;

/** The earliest of some instants (ISO 8601 UTC compare as strings); null for none. */
export const earliest = (instants: readonly string[]): string | null => (instants.length === 0 ? null : instants.reduce((a, b) => (b < a ? b : a)));
