import { topicForEventType, type EventEnvelope } from '@aftersales/contracts';

/** One event on an order's timeline: what happened, in which service, who did it and what caused it. */
export interface TimelineEntry {
  position: number;
  eventId: string;
  type: string;
  service: string;
  streamId: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  correlationId: string;
  causationId: string | null;
}

/** Whose order each timeline is (from OrderPlaced): the edge shows a timeline only to who may see the order. */
export const TIMELINE_PARTIES = 'timeline_order_parties';

export interface OrderPartiesDoc {
  id: string;
  buyerId: string;
  shopId: string;
  [field: string]: unknown;
}

/** The parties document an event names, if it places an order. */
export function partiesOf(event: Pick<EventEnvelope, 'type' | 'data'>): OrderPartiesDoc | undefined {
  if (event.type !== 'OrderPlaced') return undefined;
  const { orderId, buyerId, shopId } = event.data as { orderId: string; buyerId: string; shopId: string };
  return { id: orderId, buyerId, shopId };
}

/** The rows of every order's timeline, one per entry, under the order id (`Row.seq`: see each projection). */
export const TIMELINE_COLLECTION = 'timelines';

/**
 * The entry of an event; `position` is its place in the log it was read from (0 where it came over the bus, which
 * gives it none).
 */
export function timelineEntryOf(event: EventEnvelope, position: number): TimelineEntry {
  return {
    position,
    eventId: event.eventId,
    type: event.type,
    service: topicForEventType(event.type).split('.')[1],
    streamId: event.streamId,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
  };
}
