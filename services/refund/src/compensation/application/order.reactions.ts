import type { EventEnvelope } from '@aftersales/contracts';
import { foldOrderFacts, lateShipmentCompensationId } from '../domain';
import type { CompensationHandlers } from './compensation-handlers';
import { reactionContext, reactTo } from './compensation-reaction';
import type { CompensationReactionOutcome } from './compensation.types';

/** The order events group `compensation` reacts to (the bus passes the others over). */
export const ORDER_EVENTS_COMPENSATION_REACTS_TO: readonly string[] = ['ShipByDeadlineMissed'];

/** Order topic, group `compensation`: a missed ship-by decides the late-shipment compensation, once per order. */
export async function onOrderEvent(h: CompensationHandlers, event: EventEnvelope): Promise<CompensationReactionOutcome> {
  if (!ORDER_EVENTS_COMPENSATION_REACTS_TO.includes(event.type)) return { outcome: 'ignored' };
  const facts = foldOrderFacts(undefined, event);
  if ((facts.missedShipBy?.paidAmount ?? 0) <= 0) return { outcome: 'ignored' }; // COD: nothing paid, nothing to compensate
  return reactTo(event, h.log, () => h.decide(lateShipmentCompensationId(facts.orderId), { kind: 'late_shipment' }, facts, {}, reactionContext(event)));
}
