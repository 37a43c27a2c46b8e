import type { SlaBreach } from '../domain/sla-breach';
import type { WorkItem } from '../domain/work-item';
import type { SubjectState } from '../domain/work-source';

/** The queue: one document per open item, its id the item's sort key (due time first), so a page in id order is due order. */
export const WORK_QUEUE_COLLECTION = 'work_queue';
/** What each source remembers of a subject, and the ids of the queue documents it has there now. */
export const WORK_SUBJECTS_COLLECTION = 'work_queue_subjects';

/** Every SLA breach the cases and follow-ups recorded, its id starting with the breach time (a day is an id range). */
export const SLA_BREACHES_COLLECTION = 'work_queue_sla_breaches';

export type SlaBreachDocument = SlaBreach & { id: string; [field: string]: unknown };

/** A breach's document: the same breach (replayed) writes the same id. */
export const breachDocument = (breach: SlaBreach): SlaBreachDocument => ({
  ...breach,
  id: `${breach.breachedAt}|${breach.metric}|${breach.subjectId}${breach.requestId ? `/${breach.requestId}` : ''}`,
});

export type WorkItemDocument = WorkItem & { id: string; itemId: string; [field: string]: unknown };

export interface SubjectDocument extends SubjectState {
  listed: string[];
}

/** A queue document: `id` is the sort key, the item's own id is `itemId`. */
export const itemDocument = (sortKey: string, item: WorkItem): WorkItemDocument => ({ ...item, itemId: item.id, id: sortKey });

/** The item of a queue document, as GET /work-queue shows it. */
export function itemOfDocument(doc: WorkItemDocument): WorkItem {
  const { id: _sortKey, itemId, ...item } = doc;
  return { ...item, id: itemId };
}
