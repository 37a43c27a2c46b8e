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
  /** The rule and rulebook version a decision event records it applied (a deadline, a compensation, a penalty…). */
  rule?: { id: string; version?: string };
  /** The ids of the events a decision event records it was based on. */
  basedOn?: string[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * The rule a decision event names, in whichever of the contracts' shapes it records it: `ruleId` + `rulebookVersion`
 * beside the other fields, or `rule: {ruleId, rulebookVersion}` / `rule: {id, version}`.
 */
export function ruleOf(data: Record<string, unknown>): TimelineEntry['rule'] {
  const nested = typeof data.rule === 'object' && data.rule !== null ? (data.rule as Record<string, unknown>) : undefined;
  const id = text(data.ruleId) ?? text(nested?.ruleId) ?? text(nested?.id);
  if (id === undefined) return undefined;
  const version = text(data.rulebookVersion) ?? text(nested?.rulebookVersion) ?? text(nested?.version);
  return version === undefined ? { id } : { id, version };
}

/** The event ids a decision event says it was based on (only ids: never the free text of the events). */
export function basedOnOf(data: Record<string, unknown>): string[] | undefined {
  const ids = Array.isArray(data.basedOn) ? data.basedOn.filter((id): id is string => typeof id === 'string') : [];
  return ids.length > 0 ? ids : undefined;
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
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  const rule = ruleOf(data);
  const basedOn = basedOnOf(data);
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
    ...(rule ? { rule } : {}),
    ...(basedOn ? { basedOn } : {}),
  };
}
