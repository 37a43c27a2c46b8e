import type { DisputeRemedyApproved } from '@aftersales/contracts';
import type { Projection } from '@aftersales/kernel';

export const REMEDY_APPROVALS_COLLECTION = 'compensation_remedy_approvals';

/** A supervisor's approval of a case's remedy (DisputeRemedyApproved), by `<disputeId>:<remedyId>`. */
export type RemedyApprovalDoc = { id: string; disputeId: string; remedyId: string; approverId: string; approvedAt: string; eventId: string };

export const remedyApprovalId = (disputeId: string, remedyId: string): string => `${disputeId}:${remedyId}`;

/**
 * The remedies a supervisor approved in their case (`compensation_remedy_approvals`), from the dispute's events: the
 * shared log (embedded) or the dispute topic. A compensation remedy above the threshold was approved there already,
 * so its decision records that approval instead of waiting for a second one.
 */
export const remedyApprovalsProjection: Projection = {
  name: 'compensation_remedy_approvals',
  collections: [REMEDY_APPROVALS_COLLECTION],
  handles: (type) => type === 'DisputeRemedyApproved',
  apply(event, uow) {
    const d = event.data as Pick<DisputeRemedyApproved, 'disputeId' | 'remedyId' | 'approverId' | 'approvedAt'>;
    const doc: RemedyApprovalDoc = { id: remedyApprovalId(d.disputeId, d.remedyId), disputeId: d.disputeId, remedyId: d.remedyId, approverId: d.approverId, approvedAt: d.approvedAt, eventId: event.eventId };
    uow.put(REMEDY_APPROVALS_COLLECTION, doc);
  },
};
