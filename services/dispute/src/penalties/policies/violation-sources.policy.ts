import type { CompensationDecided, DisputeRuled, EventEnvelope } from '@aftersales/contracts';
import { penaltyYearOf, type AssessViolation } from '../domain';

/** The dispute events group `penalties` reacts to (the bus passes the others over). */
export const DISPUTE_EVENTS_PENALTIES_REACT_TO: readonly string[] = ['DisputeRuled'];
/** The refund events group `penalties` reacts to. */
export const REFUND_EVENTS_PENALTIES_REACT_TO: readonly string[] = ['CompensationDecided'];

export type ViolationFound = Omit<AssessViolation, 'type' | 'at'>;


/**
 * A ruling that finds the shop broke a rule (a violation, and not in the shop's favour) costs points in the year of
 * the ruling; the ruling event is what the assessment is based on.
 */
export function violationOfRuling(event: EventEnvelope): ViolationFound | undefined {
  if (event.type !== 'DisputeRuled') return undefined;
  const ruling = event.data as DisputeRuled;
  if (!ruling.violation || ruling.outcome === 'merchant_wins') return undefined;
  return {
    shopId: ruling.shopId,
    year: penaltyYearOf(ruling.ruledAt),
    orderId: ruling.orderId,
    violation: ruling.violation,
    disputeId: ruling.disputeId,
    rulingId: ruling.rulingId,
    basedOn: [event.eventId],
  };
}

/**
 * A late shipment is compensated instead of penalised (0 points in the rulebook): the compensation decided for it is
 * recorded as the violation, so the shop's record shows it. Other compensation kinds are proposals of the shop's own
 * agents, not findings against the shop, and cost nothing.
 */
export function violationOfCompensation(event: EventEnvelope): ViolationFound | undefined {
  if (event.type !== 'CompensationDecided') return undefined;
  const decision = event.data as CompensationDecided;
  if (decision.kind !== 'late_shipment') return undefined;
  return {
    shopId: decision.shopId,
    year: penaltyYearOf(decision.decidedAt),
    orderId: decision.orderId,
    violation: 'late_shipment',
    compensationId: decision.compensationId,
    basedOn: [event.eventId],
  };
}
