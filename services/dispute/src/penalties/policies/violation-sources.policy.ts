import type { CompensationDecided, DisputeRuled, EventEnvelope } from '@aftersales/contracts';
import { penaltyYearOf, type AssessViolation, type RevokeAssessment } from '../domain';

/** The dispute events group `penalties` reacts to (the bus passes the others over). */
export const DISPUTE_EVENTS_PENALTIES_REACT_TO: readonly string[] = ['DisputeRuled'];
/** The refund events group `penalties` reacts to. */
export const REFUND_EVENTS_PENALTIES_REACT_TO: readonly string[] = ['CompensationDecided'];

export type ViolationFound = Omit<AssessViolation, 'type' | 'at'>;
export type FindingReversed = Omit<RevokeAssessment, 'type' | 'at'>;


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

/**
 * A ruling on appeal decides the case again: the first ruling's finding against the shop stands only if the appeal
 * ruling finds the same violation against the shop (merchant_wins finds none). Which assessment that was is known to
 * the shop's penalty stream (by case), so this names the case and what the appeal still finds. The first ruling may
 * be of the year before the appeal's (an appeal across the new year): both years' streams are asked; the one without
 * the case's assessment decides nothing.
 */
export function reversalOfAppealRuling(event: EventEnvelope): FindingReversed[] {
  if (event.type !== 'DisputeRuled') return [];
  const ruling = event.data as DisputeRuled;
  if (!ruling.onAppeal) return [];
  const stillFound = ruling.outcome === 'merchant_wins' ? undefined : ruling.violation;
  const year = penaltyYearOf(ruling.ruledAt);
  return [year, year - 1].map((y) => ({
    shopId: ruling.shopId,
    year: y,
    orderId: ruling.orderId,
    disputeId: ruling.disputeId,
    rulingId: ruling.rulingId,
    ...(stillFound ? { stillFound } : {}),
    basedOn: [event.eventId],
  }));
}
