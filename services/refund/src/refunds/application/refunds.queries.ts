import type { RecordedEvent } from '@aftersales/kernel';
import { allowanceStreamId } from '../domain';
import { REFUNDS_COLLECTION, type RefundDocument } from '../projections/refund.document';
import type { RefundHandlers } from './refund-handlers';
import { refundStreamId } from './refund-ids';
import type { Refunds } from './refunds.types';

/** Reads: the `refunds` read model, a refund's stream, an order's allowance. */
export function refundQueries(h: RefundHandlers): Pick<Refunds, 'getRefund' | 'listRefundsByOrder' | 'refundStream' | 'allowanceOf'> {
  const { readModels, eventStore } = h.platform;
  return {
    getRefund: (refundId) => readModels.get<RefundDocument>(REFUNDS_COLLECTION, refundId),
    listRefundsByOrder: async (orderId, page = {}) => {
      const found = await readModels.find<RefundDocument>(REFUNDS_COLLECTION, {
        where: { orderId },
        limit: page.limit,
        cursor: page.cursor,
      });
      return { ...found, items: [...found.items].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id)) };
    },
    refundStream: (refundId): Promise<RecordedEvent[]> => eventStore.readStream(refundStreamId(refundId)),
    allowanceOf: async (orderId) => (await h.allowances.load(allowanceStreamId(orderId))).state,
  };
}
