import type { Projection } from '@aftersales/kernel';
import { foldOrderFacts, isOrderFactEvent, type OrderFacts } from '../domain';

export const ORDER_FACTS_COLLECTION = 'compensation_order_facts';

type OrderFactsDoc = OrderFacts & { id: string; revision: number };

/**
 * What compensation rules read about each order (`compensation_order_facts`), folded from the order's events: from
 * the shared log (embedded), or from the order topic when each service has its own store. Agents' proposals are
 * computed from it.
 */
export const orderFactsProjection: Projection = {
  name: 'compensation_order_facts',
  collections: [ORDER_FACTS_COLLECTION],
  handles: isOrderFactEvent,
  async apply(event, uow) {
    if (!event.streamId.startsWith('order-')) return;
    const orderId = (event.data as { orderId: string }).orderId;
    const current = await uow.get<OrderFactsDoc>(ORDER_FACTS_COLLECTION, orderId);
    if (current && current.revision >= event.revision) return;
    const { id: _id, revision: _revision, ...facts } = current ?? { id: orderId, revision: -1 };
    uow.put(ORDER_FACTS_COLLECTION, { ...foldOrderFacts(current ? (facts as OrderFacts) : undefined, event), id: orderId, revision: event.revision });
  },
};

export type { OrderFactsDoc };
