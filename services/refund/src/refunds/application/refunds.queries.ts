import { readFedView, type RecordedEvent } from '@aftersales/kernel';
import { REFUND_ORDER_FACTS, type OrderFactsDoc } from '../projections/order-facts.projection';
import { allowanceStreamId } from '../domain';
import { REFUNDS_COLLECTION, type RefundDocument } from '../projections/refund.document';
import { REFUND_QUEUE_COLLECTION, type RefundQueueDoc } from '../projections/refund-queue.document';
import type { RefundHandlers } from './refund-handlers';
import { refundStreamId } from './refund-ids';
import type { Refunds } from './refunds.types';

/** Reads: the `refunds` read model, a refund's stream, an order's allowance. */
export function refundQueries(
  h: RefundHandlers,
): Pick<Refunds, 'getRefund' | 'listRefunds' | 'listRefundsByOrder' | 'refundStream' | 'allowanceOf' | 'orderParties' | 'refundParties'> {
  const { readModels, eventStore } = h.platform;
  return {
    getRefund: (refundId) => readModels.get<RefundDocument>(REFUNDS_COLLECTION, refundId),
    listRefunds: async ({ limit, cursor, ...filters }) => {
      const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const page = await readModels.find<RefundQueueDoc>(REFUND_QUEUE_COLLECTION, { where, limit, cursor });
      const docs = await Promise.all(page.items.map((row) => readModels.get<RefundDocument>(REFUNDS_COLLECTION, row.refundId)));
      const items = docs.flatMap((doc, i) => (doc ? [{ ...doc, ...(page.items[i].nextDeadline ? { nextDeadline: page.items[i].nextDeadline } : {}) }] : []));
      return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
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
    orderParties: async (orderId) => {
      const read = () => readModels.get<OrderFactsDoc>(REFUND_ORDER_FACTS, orderId);
      const doc = await readFedView(read, (d) => d !== undefined, h.orderFeedLag, h.waitOptions);
      return doc ? { buyerId: doc.buyerId, shopId: doc.shopId } : undefined;
    },
    refundParties: async (refundId) => {
      const { state } = await h.refunds.load(refundStreamId(refundId));
      return state ? { buyerId: state.buyerId, shopId: state.shopId } : undefined;
    },
  };
}
