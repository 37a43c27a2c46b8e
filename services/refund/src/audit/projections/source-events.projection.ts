import type { Projection } from '@aftersales/kernel';
import { isOrderFactEvent } from '../../compensation/domain';

export const SOURCE_EVENTS_COLLECTION = 'compensation_source_events';

/** An order event a compensation decision may name in `basedOn`, as the compensation service received it. */
export type SourceEventDoc = {
  /** The event id. */
  id: string;
  type: string;
  orderId: string;
  /** Its revision in the order's stream: the audit folds a decision's sources in this order. */
  revision: number;
  occurredAt: string;
  data: Record<string, unknown>;
};

/**
 * The audit's own copy of every order fact event (`compensation_source_events`): decisions are recomputed from what
 * the compensation service keeps, whether its order events came from the shared log (embedded) or from the order
 * topic (each service with its own store, where the order service's log is not at hand).
 */
export const sourceEventsProjection: Projection = {
  name: 'compensation_source_events',
  collections: [SOURCE_EVENTS_COLLECTION],
  handles: isOrderFactEvent,
  apply(event, uow) {
    if (!event.streamId.startsWith('order-')) return;
    const data = event.data as SourceEventDoc['data'] & { orderId: string };
    const doc: SourceEventDoc = { id: event.eventId, type: event.type, orderId: data.orderId, revision: event.revision, occurredAt: event.occurredAt, data };
    uow.put(SOURCE_EVENTS_COLLECTION, doc);
  },
};
