import { withoutUndefined, type Page, type RecordedEvent } from '@aftersales/kernel';
import { ORDERS_COLLECTION, type OrderDocument } from '../projections';
import { orderStreamId } from './order-handler';
import type { ListOrdersQuery, OrderDeps } from './orders.types';

type WithPlatform = Pick<OrderDeps, 'platform'>;

/** The `orders` read model document (eventually consistent with the log). */
export function getOrder({ platform }: WithPlatform, orderId: string): Promise<OrderDocument | undefined> {
  return platform.readModels.get<OrderDocument>(ORDERS_COLLECTION, orderId);
}

export function listOrders({ platform }: WithPlatform, { limit, cursor, ...filters }: ListOrdersQuery): Promise<Page<OrderDocument>> {
  const where = withoutUndefined(filters) as Record<string, string>;
  return platform.readModels.find<OrderDocument>(ORDERS_COLLECTION, { where, limit, cursor });
}

/** The order's stream, each event in its envelope; [] for an unknown order. */
export function orderStream({ platform }: WithPlatform, orderId: string): Promise<RecordedEvent[]> {
  return platform.eventStore.readStream(orderStreamId(orderId));
}
