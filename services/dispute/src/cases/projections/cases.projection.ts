import type { DisputeCaseEvent } from '@aftersales/contracts';
import { toDomainEvent, type Projection } from '@aftersales/kernel';
import { evolveDispute } from '../domain';
import {
  caseEnded,
  caseOfDocument,
  DISPUTE_OPEN_CASES_COLLECTION,
  DISPUTE_QUEUE_COLLECTION,
  DISPUTES_COLLECTION,
  openCasesKeyOf,
  queueRowOf,
  toCaseDocument,
  type DisputeCaseDocument,
  type DisputeOpenCasesDoc,
} from './case.document';
import type { UnitOfWork } from '@aftersales/kernel';

const caseStreamPrefix = 'dispute-';
export const caseEventTypes: ReadonlySet<string> = new Set([
  'DisputeOpened',
  'DisputeAssigned',
  'DisputeMessagePosted',
  'DisputeStatusChanged',
  'DisputeEscalated',
  'DisputeClosed',
  'DisputeDeadlineSet',
  'DisputeDeadlineCleared',
  'DisputeSlaBreached',
  'DisputeEvidenceRequested',
  'DisputeEvidenceSubmitted',
  'DisputeEvidenceOverdue',
  'DisputeRuled',
  'DisputeAppealed',
  'DisputeRemedyProposed',
  'DisputeRemedyApproved',
  'DisputeRemedyRejected',
  'DisputeRemedyAccepted',
  'DisputeRemedyDeclined',
  'DisputeResolved',
  'DisputeFollowedUp',
]);

/**
 * The `disputes` read model (each case as the decider folds it, so reads match command responses) and the
 * `dispute_queue` that orders cases by their next deadline, and the open cases per order and category. Rebuildable from the log: a pure fold of the case streams.
 */
export const casesProjection: Projection = {
  name: 'disputes',
  collections: [DISPUTES_COLLECTION, DISPUTE_QUEUE_COLLECTION, DISPUTE_OPEN_CASES_COLLECTION],
  handles: (eventType) => caseEventTypes.has(eventType),
  reads: 'payload',
  async apply(event, uow) {
    const disputeId = (event.data as { disputeId: string }).disputeId;
    if (event.streamId !== `${caseStreamPrefix}${disputeId}`) return;
    const current = await uow.get<DisputeCaseDocument>(DISPUTES_COLLECTION, disputeId);
    if (current && current.revision >= event.revision) return;
    const next = evolveDispute(current ? caseOfDocument(current) : null, toDomainEvent(event) as DisputeCaseEvent);
    if (!next) return;
    const doc = toCaseDocument(next, event.revision);
    uow.put(DISPUTES_COLLECTION, doc);
    if (current && current.queueKey !== doc.queueKey) uow.delete(DISPUTE_QUEUE_COLLECTION, current.queueKey);
    uow.put(DISPUTE_QUEUE_COLLECTION, queueRowOf(doc));
    const wasOpen = current !== undefined && !caseEnded(current);
    if (wasOpen !== !caseEnded(next)) await noteOpenCase(uow, doc, !caseEnded(next));
  },
};

async function noteOpenCase(uow: UnitOfWork, doc: DisputeCaseDocument, open: boolean): Promise<void> {
  const id = openCasesKeyOf(doc.orderId, doc.category);
  const known = await uow.get<DisputeOpenCasesDoc>(DISPUTE_OPEN_CASES_COLLECTION, id);
  const others = (known?.disputeIds ?? []).filter((disputeId) => disputeId !== doc.id);
  const disputeIds = open ? [...others, doc.id] : others;
  if (disputeIds.length > 0) uow.put(DISPUTE_OPEN_CASES_COLLECTION, { id, disputeIds });
  else uow.delete(DISPUTE_OPEN_CASES_COLLECTION, id);
}
