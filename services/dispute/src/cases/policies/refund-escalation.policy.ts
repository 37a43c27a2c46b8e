import type { DisputeCategory, EventEnvelope, RefundEventData, RefundReason } from '@aftersales/contracts';
import type { OpenDispute } from '../domain';

/** The refund events the dispute service reacts to (the bus passes the others over). */
export const REFUND_EVENTS_DISPUTES_REACT_TO: readonly string[] = ['RefundEscalated'];

const CATEGORY_OF_REASON: Partial<Record<RefundReason, DisputeCategory>> = {
  quality: 'product_quality',
  not_as_described: 'not_as_described',
  wrong_item: 'not_as_described',
  missing_item: 'product_quality',
  damaged: 'logistics',
  not_received: 'logistics',
  counterfeit: 'counterfeit',
};

/**
 * A refund the buyer escalated becomes a case in arbitration under the id the refund recorded, carrying the refund's
 * facts (what was asked back, the evidence so far). Undefined for any other event.
 */
export function caseOfRefundEscalation(event: EventEnvelope): Omit<OpenDispute, 'at' | 'type'> | undefined {
  if (event.type !== 'RefundEscalated') return undefined;
  const d = event.data as RefundEventData<'RefundEscalated'>;
  return {
    disputeId: d.disputeId,
    order: { orderId: d.orderId, shopId: d.shopId, buyerId: d.buyerId, currency: d.currency },
    origin: 'refund_escalation',
    category: CATEGORY_OF_REASON[d.reason] ?? 'other',
    description: d.description,
    refundId: d.refundId,
    claimedAmount: d.amount,
    evidence: d.evidence,
    openedBy: 'refund',
    basedOn: [event.eventId],
  };
}
