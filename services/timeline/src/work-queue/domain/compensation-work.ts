import type { WorkItem } from './work-item';
import { subjectId, text, type SubjectState, type WorkSource } from './work-source';

/** A compensation that waits for a supervisor's approval. */
export interface CompensationWork extends SubjectState {
  compensationId: string;
  orderId: string;
  shopId: string;
  decidedAt: string;
  disputeId?: string;
}

/**
 * Compensations above the rulebook's approval threshold, from their decision until a supervisor approves or rejects
 * them. The rulebook sets no deadline for the approval, so the item is due from its decision (oldest first) and never
 * overdue.
 */
export const compensationWork: WorkSource<CompensationWork> = {
  name: 'compensation',
  service: 'refund',
  eventTypes: ['CompensationDecided', 'CompensationApproved', 'CompensationRejected'],
  subjectOf: (event) => {
    const compensationId = text(event.data, 'compensationId');
    return compensationId ? subjectId('compensation', compensationId) : undefined;
  },
  evolve(state, { type, data }) {
    if (type !== 'CompensationDecided' || data.requiresSupervisorApproval !== true) return undefined;
    return {
      id: subjectId('compensation', String(data.compensationId)),
      compensationId: String(data.compensationId),
      orderId: String(data.orderId),
      shopId: String(data.shopId),
      decidedAt: String(data.decidedAt),
      ...(typeof data.disputeId === 'string' ? { disputeId: data.disputeId } : {}),
    };
  },
  itemsOf: (state): WorkItem[] => [
    {
      kind: 'compensation',
      id: state.compensationId,
      orderId: state.orderId,
      shopId: state.shopId,
      status: 'awaiting_approval',
      dueAt: state.decidedAt,
      overdue: false,
      ...(state.disputeId ? { disputeId: state.disputeId } : {}),
    },
  ],
};
