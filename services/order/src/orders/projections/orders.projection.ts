import { orderEvents, type OrderEvent } from '@aftersales/contracts';
import type { Projection, RecordedEvent, UnitOfWork } from '@aftersales/kernel';
import { evolveOrder, evolveOrderInPlace, type OrderState } from '../domain';
import { documentAt, ORDERS_COLLECTION, type OrderDocument } from './order.document';

type Fold = (current: OrderDocument | null, event: OrderEvent) => OrderState;

const orderEventTypes = new Set(orderEvents.map((d) => d.type));

/**
 * The `orders` read model: each document is the order folded with the decider's own evolve, so it matches command
 * responses. Every note is a row of `order-notes` (its own projection), since the document carries only the newest.
 */
export const ordersProjection: Projection = {
  name: 'orders',
  collections: [ORDERS_COLLECTION],
  handles: (eventType) => orderEventTypes.has(eventType),
  reads: 'payload', // the fold needs an event's type, data and revision only
  sharesDocuments: true, // evolveOrder builds a new order and never changes the one it is given
  // Synchronous whenever the unit of work has the document at hand (always, for most of a rebuild): no promise and no
  // closure per event then.
  apply: (event, uow) => applyWith(evolveOrder, event, uow),
  // A rebuild's documents are its own until committed: the fold sets their fields instead of copying them per event.
  applyRebuilding: (event, uow) => applyWith(evolveOrderInPlace, event, uow),
};

function applyWith(fold: Fold, event: RecordedEvent, uow: UnitOfWork): void | Promise<void> {
  if (!event.streamId.startsWith('order-')) return;
  const current = uow.get<OrderDocument>(ORDERS_COLLECTION, (event.data as { orderId: string }).orderId);
  if (current instanceof Promise) return current.then((document) => evolveDocument(fold, document, event, uow));
  evolveDocument(fold, current, event, uow);
}

function evolveDocument(fold: Fold, current: OrderDocument | undefined, event: RecordedEvent, uow: UnitOfWork): void {
  if (current && current.revision >= event.revision) return;
  // The document is the order plus its revision; the fold carries the old revision along and documentAt replaces it.
  const next = fold(current ?? null, event as OrderEvent); // an envelope is a domain event (type, data) with metadata
  if (next) uow.put(ORDERS_COLLECTION, documentAt(next, event.revision));
}
