import type { RefundEvent } from '@aftersales/contracts';
import { toDomainEvent, type Projection } from '@aftersales/kernel';
import { evolveRefund } from '../domain';
import { REFUND_QUEUE_COLLECTION, refundQueueDoc } from './refund-queue.document';
import {
  REFUNDS_COLLECTION,
  refundOfDocument,
  SHOP_RETURN_ADDRESSES,
  toRefundDocument,
  type RefundDocument,
  type ShopReturnAddressDoc,
} from './refund.document';
import { refundStreamId } from '../application/refund-ids';

/** The refund stream's event types (not the allowance's, the payouts' or the compensations'). */
const refundStreamTypes = new Set([
  'RefundRequested',
  'NoReasonReturnEligibilityDecided',
  'RefundApproved',
  'RefundRejected',
  'RefundCancelled',
  'RefundEscalated',
  'RefundClosed',
  'RefundReturnRequested',
  'RefundReturnShipped',
  'RefundReturnReceived',
  'RefundPaymentAuthorized',
  'RefundPaid',
  'ExchangeReplacementOrderCreated',
  'ReissueShipmentRequested',
  'RefundDisputeResolved',
  'RefundFollowUpResolved',
]);

/**
 * The `refunds` read model: each document is the refund folded with the decider's own evolve, so it matches command
 * responses. Also keeps the return address each shop last gave, for approvals made by the timeout, and the queue
 * index that lists refunds by their next deadline (`refund_queue`).
 */
export const refundsProjection: Projection = {
  name: 'refunds',
  collections: [REFUNDS_COLLECTION, SHOP_RETURN_ADDRESSES, REFUND_QUEUE_COLLECTION],
  handles: (eventType) => refundStreamTypes.has(eventType),
  async apply(event, uow) {
    const refundId = (event.data as { refundId: string }).refundId;
    if (event.streamId !== refundStreamId(refundId)) return;
    const current = await uow.get<RefundDocument>(REFUNDS_COLLECTION, refundId);
    if (current && current.revision >= event.revision) return;
    const next = evolveRefund(current ? refundOfDocument(current) : null, toDomainEvent(event) as RefundEvent);
    if (!next) return;
    uow.put(REFUNDS_COLLECTION, toRefundDocument(next, event.revision));
    const queued = refundQueueDoc(next);
    const before = current ? refundQueueDoc(refundOfDocument(current)).id : undefined;
    if (before !== undefined && before !== queued.id) uow.delete(REFUND_QUEUE_COLLECTION, before);
    uow.put(REFUND_QUEUE_COLLECTION, queued);
    if (event.type === 'RefundReturnRequested' && next.returnRequest) {
      const doc: ShopReturnAddressDoc = { id: next.shopId, returnAddress: next.returnRequest.returnAddress };
      uow.put(SHOP_RETURN_ADDRESSES, doc);
    }
  },
};
