import type { Order, OrderState } from '../domain';

export const ORDERS_COLLECTION = 'orders';

export const orderStreamId = (orderId: string): string => `order-${orderId}`;

/** GET /orders/{id}: the folded order plus the revision of the last event it reflects. */
export type OrderDocument = Order & { revision: number };

export const toOrderDocument = (order: Order, revision: number): OrderDocument => ({ ...order, revision });

export function orderOfDocument(document: OrderDocument): Order {
  const { revision: _revision, ...order } = document;
  return order;
}

/** The view a command answers with; the HTTP kit adds `revision` and `eventIds`. */
export function orderView(state: OrderState): Order {
  if (state === null) throw new Error('an order command left no order behind');
  return state;
}
