import type { ReturnAddress } from '@aftersales/contracts';
import type { Refund, RefundState } from '../domain';

export const REFUNDS_COLLECTION = 'refunds';
/** The return address each shop last gave: auto-approvals (merchant silent) send buyers there. */
export const SHOP_RETURN_ADDRESSES = 'refund_shop_return_addresses';

/** GET /refunds/{id}: the folded refund plus the revision of the last event it reflects. */
export type RefundDocument = Refund & { revision: number };

export interface ShopReturnAddressDoc {
  id: string;
  returnAddress: ReturnAddress;
  [field: string]: unknown;
}

export const toRefundDocument = (refund: Refund, revision: number): RefundDocument => ({ ...refund, revision });

export function refundOfDocument(document: RefundDocument): Refund {
  const { revision: _revision, ...refund } = document;
  return refund;
}

/** The view a command answers with; the HTTP kit adds `revision` and `eventIds`. */
export function refundView(state: RefundState): Refund {
  if (state === null) throw new Error('a refund command left no refund behind');
  return state;
}
