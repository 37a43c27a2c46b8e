import type { OrderEvent, OrderEventData, OrderEventType } from '@aftersales/contracts';
import { notFound, withoutUndefined } from '@aftersales/kernel';
import type { Order, OrderState } from './order-state';

/** Builds a typed order event, leaving out optional fields that are undefined. */
export const orderEvent = <T extends OrderEventType>(type: T, data: OrderEventData<T>): OrderEvent =>
  ({ type, data: withoutUndefined(data) }) as OrderEvent;

export function requireOrder(state: OrderState, orderId: string): Order {
  if (state === null) throw notFound('order', orderId);
  return state;
}
