import type { CompensationDecided, CompensationKind, EventEnvelope } from '@aftersales/contracts';
import { compensationIdOf, type CompensationClaim } from '../domain';

/** The dispute events the compensation decisions react to (group `compensation`). */
export const DISPUTE_EVENTS_COMPENSATION_REACTS_TO: readonly string[] = ['DisputeRemedyAccepted', 'DisputeRuled'];

const MONEY_REMEDIES = new Set(['compensation', 'goodwill_credit']);
const COMPUTED_KINDS = new Set<string>(['late_shipment', 'counterfeit', 'not_as_described', 'out_of_stock']);

/**
 * The rule that computes a ruling's compensation: a kind a rule computes names it; a plain `compensation` is the rule of
 * the violation the ruling found (counterfeit 假一赔三, not as described, late shipment). Undefined: no rule computes it.
 */
function ruledKindOf(kind: string, violation: string | undefined): string | undefined {
  if (COMPUTED_KINDS.has(kind)) return kind;
  if (kind === 'compensation' && violation !== undefined && COMPUTED_KINDS.has(violation)) return violation;
  return undefined;
}

/** What a dispute event asks of compensation: the claim, the decision's id, and what names the case. */
export type DisputeCompensationPlan =
  | {
      decide: true;
      orderId: string;
      compensationId: string;
      claim: CompensationClaim;
      extra: Pick<CompensationDecided, 'disputeId' | 'note'>;
      /** The accepted remedy, whose approval in the case stands for the decision's. */
      remedy?: { disputeId: string; remedyId: string };
    }
  | { decide: false; refusal: string };

/**
 * An accepted remedy of kind compensation or goodwill credit is a goodwill decision of its amount (the rulebook bounds
 * it), one per remedy: id `cmp_dsp_<case>_<remedy>`. A ruling's `compensation: {kind}` is computed by the rulebook
 * rule of that kind (or, for a plain `compensation`, of the ruling's violation) from the order's facts, one per order and kind like every rule-computed compensation (a ruling on
 * appeal asking again for the same kind pays nothing twice). Undefined: nothing for compensation.
 */
export function disputeCompensationPlan(event: Pick<EventEnvelope, 'type' | 'data'>): DisputeCompensationPlan | undefined {
  if (event.type === 'DisputeRemedyAccepted') {
    const d = event.data as { disputeId: string; orderId: string; remedyId: string; kind: string; amount?: number };
    if (!MONEY_REMEDIES.has(d.kind)) return undefined;
    if (d.amount === undefined) return { decide: false, refusal: `remedy ${d.remedyId} (${d.kind}) of case ${d.disputeId} names no amount` };
    return {
      decide: true,
      orderId: d.orderId,
      compensationId: `cmp_dsp_${d.disputeId.replace(/^dsp_/, '')}_${d.remedyId}`,
      claim: { kind: 'goodwill', proposedAmount: d.amount },
      extra: { disputeId: d.disputeId, note: `remedy ${d.remedyId} (${d.kind}) accepted by the buyer in case ${d.disputeId}` },
      remedy: { disputeId: d.disputeId, remedyId: d.remedyId },
    };
  }
  if (event.type === 'DisputeRuled') {
    const d = event.data as { disputeId: string; orderId: string; rulingId: string; outcome: string; compensation?: { kind: string }; violation?: string };
    if (!d.compensation || d.outcome === 'merchant_wins') return undefined;
    const kind = ruledKindOf(d.compensation.kind, d.violation);
    if (!kind) {
      return { decide: false, refusal: `ruling ${d.rulingId} asks a ${d.compensation.kind} compensation (violation ${d.violation ?? 'none'}), which no rule computes without an amount` };
    }
    return {
      decide: true,
      orderId: d.orderId,
      compensationId: compensationIdOf(d.orderId, kind as CompensationKind) as string,
      claim: { kind } as CompensationClaim,
      extra: { disputeId: d.disputeId, note: `ruling ${d.rulingId} (${d.outcome}) of case ${d.disputeId}` },
    };
  }
  return undefined;
}
