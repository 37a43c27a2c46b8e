import type { Order, OrderState } from '../domain';

export const ORDERS_COLLECTION = 'orders';

/** Every note of an order, one row each under the order id, numbered by `noteNo` (GET /orders/{id}/notes). */
export const ORDER_NOTES_COLLECTION = 'order-notes';

/** GET /orders/{id}: the folded order plus the revision of the last event it reflects. */
export type OrderDocument = Order & { revision: number };

/**
 * The order evolved from an event, as its document at that event's revision. evolveOrder returns a new top-level
 * object for every event, so the revision is set on that object instead of copying the whole order once more
 * (a rebuild does this for every event in the log).
 */
export function documentAt(evolved: Order, revision: number): OrderDocument {
  const document = evolved as OrderDocument;
  document.revision = revision;
  return document;
}

/** The view a command answers with; the HTTP kit adds `revision` and `eventIds`. */
export function orderView(state: OrderState): Order {
  if (state === null) throw new Error('an order command left no order behind');
  return state;
}
