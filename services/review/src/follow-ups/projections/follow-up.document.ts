import type { FollowUp } from '../domain';

/** The `review_follow_ups` collection: each follow-up folded with the decider's own evolve, with its revision. */
export const FOLLOW_UPS_COLLECTION = 'review_follow_ups';
/** The `review_follow_up_queue` collection: one row per follow-up, its id the next deadline then the follow-up id. */
export const FOLLOW_UP_QUEUE_COLLECTION = 'review_follow_up_queue';

/** Sorts after every ISO time: a closed follow-up (no deadline runs) comes last. */
const NO_DEADLINE = '~';

export type FollowUpDocument = FollowUp & { revision: number; [field: string]: unknown };

export interface FollowUpQueueRow {
  id: string;
  followUpId: string;
  shopId: string;
  buyerId: string;
  status: FollowUpStatus;
  overdue: boolean;
  nextDeadlineAt: string | null;
  [field: string]: unknown;
}

export type FollowUpStatus = 'open' | 'contacted' | 'closed';

export const followUpStatusOf = (f: FollowUp): FollowUpStatus => (f.status === 'closed' ? 'closed' : f.contactedAt ? 'contacted' : 'open');

/** The deadline the follow-up waits on now: first contact until the buyer is contacted, then resolution; none once closed. */
export function nextDeadlineOf(f: FollowUp): string | undefined {
  if (f.status === 'closed') return undefined;
  return f.contactedAt ? f.deadlines.resolution.dueAt : f.deadlines.first_contact.dueAt;
}

/** Overdue: a breach recorded for a deadline that still runs (not the clock: the view rebuilds from the log). */
export function isOverdue(f: FollowUp): boolean {
  if (f.status === 'closed') return false;
  return (f.breaches.includes('first_contact') && !f.contactedAt) || f.breaches.includes('resolution');
}

export const queueKeyOf = (f: FollowUp): string => `${nextDeadlineOf(f) ?? NO_DEADLINE}|${f.id}`;

export const queueRowOf = (f: FollowUp): FollowUpQueueRow => ({
  id: queueKeyOf(f),
  followUpId: f.id,
  shopId: f.shopId,
  buyerId: f.buyerId,
  status: followUpStatusOf(f),
  overdue: isOverdue(f),
  nextDeadlineAt: nextDeadlineOf(f) ?? null,
});

export const followUpOfDocument = ({ revision: _revision, ...f }: FollowUpDocument): FollowUp => f as FollowUp;
