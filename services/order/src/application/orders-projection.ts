import { orderEvents, type OrderEvent } from '@aftersales/contracts';
import { toDomainEvent, type Projection } from '@aftersales/kernel';
import { evolveOrder } from '../domain';
import { ORDERS_COLLECTION, orderOfDocument, toOrderDocument, type OrderDocument } from './order-document';

const orderEventTypes = new Set(orderEvents.map((d) => d.type));

/** The `orders` read model: each document is the order folded with the decider's own evolve, so it matches command responses. */
export const ordersProjection: Projection = {
  name: 'orders',
  collections: [ORDERS_COLLECTION],
  handles: (eventType) => orderEventTypes.has(eventType),
  async apply(event, uow) {
    if (!event.streamId.startsWith('order-')) return;
    const orderId = (event.data as { orderId: string }).orderId;
    const current = await uow.get<OrderDocument>(ORDERS_COLLECTION, orderId);
    if (current && current.revision >= event.revision) return;
    const next = evolveOrder(current ? orderOfDocument(current) : null, toDomainEvent(event) as OrderEvent);
    if (next) uow.put(ORDERS_COLLECTION, toOrderDocument(next, event.revision));
  },
};
