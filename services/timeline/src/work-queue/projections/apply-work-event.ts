import type { UnitOfWork } from '@aftersales/kernel';
import { slaBreachOf } from '../domain/sla-breach';
import { sortKeyOf } from '../domain/work-item';
import type { WorkEvent } from '../domain/work-source';
import { workSourceOf } from '../domain/work-sources';
import {
  breachDocument,
  itemDocument,
  SLA_BREACHES_COLLECTION,
  WORK_QUEUE_COLLECTION,
  WORK_SUBJECTS_COLLECTION,
  type SubjectDocument,
} from './work-queue.document';

/**
 * One event into the queue: the subject it is about evolves, and the subject's queue documents are replaced by its
 * open items now (those whose sort key changed are deleted and written anew); a breach event is also kept for the
 * breaches per day. Shared by the log projection and the bus-fed view.
 */
export async function applyWorkEvent(event: WorkEvent, uow: UnitOfWork): Promise<void> {
  const breach = slaBreachOf(event);
  if (breach) uow.put(SLA_BREACHES_COLLECTION, breachDocument(breach));
  const source = workSourceOf(event.type);
  const subject = source?.subjectOf(event);
  if (!source || !subject) return;
  const before = await uow.get<SubjectDocument>(WORK_SUBJECTS_COLLECTION, subject);
  const after = source.evolve(before, event);
  const items = after ? source.itemsOf(after) : [];
  const listed = items.map((item) => sortKeyOf(item));
  for (const stale of before?.listed ?? []) if (!listed.includes(stale)) uow.delete(WORK_QUEUE_COLLECTION, stale);
  items.forEach((item, i) => uow.put(WORK_QUEUE_COLLECTION, itemDocument(listed[i], item)));
  if (after) uow.put(WORK_SUBJECTS_COLLECTION, { ...after, id: subject, listed });
  else if (before) uow.delete(WORK_SUBJECTS_COLLECTION, subject);
}
