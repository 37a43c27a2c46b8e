import type { EventEnvelope, OrderEventData } from '@aftersales/contracts';

/**
 * `review_order_facts`: what the review service knows about each order, kept by its consumer of the order topic (group
 * `review`), never by asking the order service: its buyer and shop (placement) and when it completed (receipt
 * confirmed, by the buyer or automatically), with the ids of the events that said so (a review cites them).
 */
export const REVIEW_ORDER_FACTS = 'review_order_facts';

export interface ReviewOrderFactsDoc {
  id: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  /** When the order completed (交易成功); absent until then. The review window runs from here. */
  completedAt?: string;
  /** Ids of the order events these facts come from: its placement and its completion. */
  sourceEventIds: string[];
  /** Revision of the last order event applied: an older or repeated event changes nothing. */
  revision: number;
  [field: string]: unknown;
}

export const REVIEW_ORDER_FACT_EVENT_TYPES = ['OrderPlaced', 'ReceiptConfirmed'] as const;
const tracked = new Set<string>(REVIEW_ORDER_FACT_EVENT_TYPES);
export const isReviewOrderFactEvent = (type: string): boolean => tracked.has(type);

/** The next document for an order event, or undefined when it changes nothing (untracked, stale, before placement). */
export function nextReviewOrderFacts(current: ReviewOrderFactsDoc | undefined, event: EventEnvelope): ReviewOrderFactsDoc | undefined {
  if (!tracked.has(event.type)) return undefined;
  if (current && current.revision >= event.revision) return undefined;
  if (event.type === 'OrderPlaced') {
    const d = event.data as OrderEventData<'OrderPlaced'>;
    return {
      id: d.orderId,
      orderId: d.orderId,
      shopId: d.shopId,
      buyerId: d.buyerId,
      sourceEventIds: [event.eventId],
      revision: event.revision,
    };
  }
  if (!current) return undefined;
  const confirmed = event.data as OrderEventData<'ReceiptConfirmed'>;
  return {
    ...current,
    completedAt: confirmed.confirmedAt,
    sourceEventIds: [...current.sourceEventIds, event.eventId],
    revision: event.revision,
  };
}
