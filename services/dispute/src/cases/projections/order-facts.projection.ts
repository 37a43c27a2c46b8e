import type { EventEnvelope, OrderEventData } from '@aftersales/contracts';

/**
 * `dispute_order_facts`: what the dispute service knows about each order, kept by its consumer of the order topic
 * (group `dispute`): its buyer, shop, currency and what was paid, with the ids of the events that said so (a case
 * opened on them cites them).
 */
export const DISPUTE_ORDER_FACTS = 'dispute_order_facts';

export interface DisputeOrderFactsDoc {
  id: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  currency: string;
  paidAmount?: number;
  /** Ids of the order events these facts come from: its placement and its payment. */
  sourceEventIds: string[];
  /** Revision of the last order event applied: an older or repeated event changes nothing. */
  revision: number;
  [field: string]: unknown;
}

export const DISPUTE_ORDER_FACT_EVENT_TYPES = ['OrderPlaced', 'OrderPaid', 'CashOnDeliveryCollected'] as const;
const tracked = new Set<string>(DISPUTE_ORDER_FACT_EVENT_TYPES);
export const isDisputeOrderFactEvent = (type: string): boolean => tracked.has(type);

/** The next document for an order event, or undefined when it changes nothing (untracked, stale, before placement). */
export function nextDisputeOrderFacts(current: DisputeOrderFactsDoc | undefined, event: EventEnvelope): DisputeOrderFactsDoc | undefined {
  if (!tracked.has(event.type)) return undefined;
  if (current && current.revision >= event.revision) return undefined;
  if (event.type === 'OrderPlaced') {
    const d = event.data as OrderEventData<'OrderPlaced'>;
    return { id: d.orderId, orderId: d.orderId, shopId: d.shopId, buyerId: d.buyerId, currency: d.currency, sourceEventIds: [event.eventId], revision: event.revision };
  }
  if (!current) return undefined;
  const amount = (event.data as OrderEventData<'OrderPaid'> | OrderEventData<'CashOnDeliveryCollected'>).amount;
  return { ...current, paidAmount: amount, sourceEventIds: [...current.sourceEventIds, event.eventId], revision: event.revision };
}
