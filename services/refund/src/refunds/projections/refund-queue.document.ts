import type { Refund } from '../domain';

/**
 * GET /refunds is ordered by the next deadline: an index of one row per refund, its id starting with that deadline
 * (ISO times sort as strings), so the store's id order is deadline order. A refund nothing waits on (paid, closed,
 * escalated to a case, refunding) sorts after every deadline.
 */
export const REFUND_QUEUE_COLLECTION = 'refund_queue';

export interface RefundQueueDoc {
  id: string;
  refundId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  status: Refund['status'];
  nextDeadline?: string;
  [field: string]: unknown;
}

const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

/** The deadline the refund waits on in its status, if any. */
export function nextDeadlineOf(refund: Refund): string | undefined {
  switch (refund.status) {
    case 'waiting_merchant':
      return refund.deadlines.merchantRespondBy;
    case 'waiting_buyer_return':
      return refund.deadlines.returnShipBy;
    case 'waiting_merchant_receipt':
      return refund.deadlines.merchantConfirmBy;
    case 'rejected':
      return refund.deadlines.escalateBy;
    case 'waiting_reissue':
      return refund.deadlines.reissueShipBy;
    default:
      return undefined;
  }
}

export function refundQueueDoc(refund: Refund): RefundQueueDoc {
  const nextDeadline = nextDeadlineOf(refund);
  return {
    id: `${nextDeadline ?? NO_DEADLINE}~${refund.id}`,
    refundId: refund.id,
    orderId: refund.orderId,
    shopId: refund.shopId,
    buyerId: refund.buyerId,
    status: refund.status,
    ...(nextDeadline ? { nextDeadline } : {}),
  };
}
