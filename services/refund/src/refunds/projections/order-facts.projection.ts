import type { EventEnvelope, OrderEventData, OrderStatus } from '@aftersales/contracts';
import type { OrderFacts } from '../domain';

/**
 * `refund_order_facts`: what the refund service knows about each order, kept by its consumer of the order topic
 * (group `refund`), the way any subscriber learns about orders. Refund decisions read it: paid amount, lines and
 * categories, when the goods were delivered.
 */
export const REFUND_ORDER_FACTS = 'refund_order_facts';

export type OrderFactsDoc = OrderFacts & {
  id: string;
  /** The order event that reported the payment: a refund allowance opened from it cites it. */
  paymentEventId?: string;
  /** Revision of the last order event applied: an older or repeated event changes nothing. */
  revision: number;
  [field: string]: unknown;
};

export const ORDER_FACT_EVENT_TYPES = [
  'OrderPlaced',
  'OrderPaid',
  'OrderShipped',
  'OrderDelivered',
  'CashOnDeliveryCollected',
  'ReceiptConfirmed',
  'OrderReturnedToMerchant',
  'OrderClosed',
] as const;
const tracked = new Set<string>(ORDER_FACT_EVENT_TYPES);

export const isOrderFactEvent = (type: string): boolean => tracked.has(type);

type Data<T extends (typeof ORDER_FACT_EVENT_TYPES)[number]> = OrderEventData<T>;

/** The next document for an order event, or undefined when it changes nothing (not tracked, stale, repeated, or before OrderPlaced). */
export function nextOrderFacts(current: OrderFactsDoc | undefined, event: EventEnvelope): OrderFactsDoc | undefined {
  if (!tracked.has(event.type)) return undefined;
  if (current && current.revision >= event.revision) return undefined;
  if (event.type === 'OrderPlaced') {
    const d = event.data as Data<'OrderPlaced'>;
    return {
      id: d.orderId,
      orderId: d.orderId,
      shopId: d.shopId,
      buyerId: d.buyerId,
      currency: d.currency,
      status: d.status,
      paymentMethod: d.paymentMethod,
      paidAmount: 0,
      items: d.items.map(({ sku, title, quantity, unitPrice, category }) => ({
        sku,
        title,
        quantity,
        unitPrice,
        ...(category ? { category } : {}),
      })),
      revision: event.revision,
    };
  }
  if (!current) return undefined;
  const next = { ...current, revision: event.revision };
  const status = (s: OrderStatus): OrderFactsDoc => ({ ...next, status: s });
  switch (event.type) {
    case 'OrderPaid':
      return { ...status('awaiting_shipment'), paidAmount: (event.data as Data<'OrderPaid'>).amount, paymentEventId: event.eventId };
    case 'OrderShipped':
      return { ...status('shipped'), shippedAt: (event.data as Data<'OrderShipped'>).dispatchedAt };
    case 'OrderDelivered':
      return { ...status('delivered'), deliveredAt: (event.data as Data<'OrderDelivered'>).deliveredAt };
    case 'CashOnDeliveryCollected':
      return { ...next, paidAmount: (event.data as Data<'CashOnDeliveryCollected'>).amount, paymentEventId: event.eventId };
    case 'ReceiptConfirmed':
      return { ...status('completed'), receiptConfirmedAt: (event.data as Data<'ReceiptConfirmed'>).confirmedAt };
    case 'OrderReturnedToMerchant':
      return next.paymentMethod === 'online' ? status('awaiting_shipment') : next;
    case 'OrderClosed':
      return status('closed');
    default:
      return undefined;
  }
}

/** The facts a decision needs, without the document's bookkeeping. */
export function orderFactsOf(doc: OrderFactsDoc): OrderFacts {
  const { id: _id, revision: _revision, paymentEventId: _payment, ...facts } = doc;
  return facts as OrderFacts;
}
