import type { RecordedEvent } from '@aftersales/kernel';

let position = 0;

/** A stored event of any service, as the work queue reads it (only type and data matter to it). */
export function stored(type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1;
  return {
    eventId: `evt-${position}`,
    type,
    schemaVersion: 1,
    streamId: `stream-${String(data.refundId ?? data.disputeId ?? data.compensationId ?? 'x')}`,
    revision: position,
    position,
    occurredAt: '2026-11-02T08:00:00.000Z',
    recordedAt: '2026-11-02T08:00:00.000Z',
    correlationId: 'corr',
    causationId: null,
    actor: { id: 'system', role: 'system' },
    data,
  };
}

export const at = (day: number, hour = 8): string => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export const refundRequested = (refundId: string, shopId: string, merchantRespondBy: string) =>
  stored('RefundRequested', { refundId, orderId: `ord-${refundId}`, shopId, buyerId: 'buyer-1', merchantRespondBy, requestedAt: at(2) });

export const caseOpened = (disputeId: string, shopId: string, status = 'open') =>
  stored('DisputeOpened', { disputeId, orderId: `ord-${disputeId}`, shopId, buyerId: 'buyer-1', status, openedAt: at(2) });

export const deadlineSet = (disputeId: string, metric: string, dueAt: string, requestId?: string) =>
  stored('DisputeDeadlineSet', { disputeId, orderId: `ord-${disputeId}`, metric, dueAt, ...(requestId ? { requestId } : {}) });

export const deadlineCleared = (disputeId: string, metric: string, reason = 'met') =>
  stored('DisputeDeadlineCleared', { disputeId, orderId: `ord-${disputeId}`, metric, reason, at: at(3) });

export const slaBreached = (disputeId: string, metric: string, dueAt: string, requestId?: string, shopId = 'shop-1') =>
  stored('DisputeSlaBreached', { disputeId, orderId: `ord-${disputeId}`, shopId, metric, dueAt, breachedAt: dueAt, ...(requestId ? { requestId } : {}) });

export const remedyProposed = (disputeId: string, remedyId: string, requiresSupervisorApproval: boolean, proposedAt = at(3)) =>
  stored('DisputeRemedyProposed', { disputeId, orderId: `ord-${disputeId}`, shopId: 'shop-1', remedyId, kind: 'partial_refund', amount: 30_000, requiresSupervisorApproval, proposedAt });

export const remedyAnswered = (disputeId: string, remedyId: string, type: 'DisputeRemedyApproved' | 'DisputeRemedyRejected') =>
  stored(type, { disputeId, orderId: `ord-${disputeId}`, shopId: 'shop-1', remedyId, approverId: 'sup-1' });

export const statusChanged = (disputeId: string, from: string, to: string) =>
  stored('DisputeStatusChanged', { disputeId, orderId: `ord-${disputeId}`, from, to, at: at(3) });

export const assigned = (disputeId: string, assigneeId: string) =>
  stored('DisputeAssigned', { disputeId, orderId: `ord-${disputeId}`, assigneeId, assignedBy: 'sup-1', assignedAt: at(3) });

export const evidenceRequested = (disputeId: string, requestId: string, party: 'buyer' | 'merchant', dueAt: string) =>
  stored('DisputeEvidenceRequested', { disputeId, orderId: `ord-${disputeId}`, requestId, party, dueBy: dueAt, requestedAt: at(3) });

export const compensationDecided = (compensationId: string, shopId: string, requiresSupervisorApproval: boolean, decidedAt = at(3)) =>
  stored('CompensationDecided', { compensationId, orderId: `ord-${compensationId}`, shopId, buyerId: 'buyer-1', requiresSupervisorApproval, decidedAt });

export const followUpOpened = (followUpId: string, shopId: string, firstContactBy: string, resolveBy: string) =>
  stored('ReviewFollowUpOpened', { followUpId, reviewId: `rev-${followUpId}`, orderId: `ord-${followUpId}`, shopId, buyerId: 'buyer-1', rating: 'negative', deadlines: { firstContactBy, resolveBy }, openedAt: at(2) });

export const followUpEvent = (type: string, followUpId: string, data: Record<string, unknown> = {}) =>
  stored(type, { followUpId, reviewId: `rev-${followUpId}`, orderId: `ord-${followUpId}`, shopId: 'shop-1', ...data });
