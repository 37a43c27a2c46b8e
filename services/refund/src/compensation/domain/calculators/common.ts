import type { CompensationInput, CompensationKind, Rulebook } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { OrderFacts } from '../order-facts';
import type { CompensationCalculation } from './calculation';

/** Who pays and who receives, and in which currency: a rule needs them known. */
export function parties(ruleId: string, facts: OrderFacts): { shopId: string; buyerId: string; currency: string } {
  if (!facts.shopId || !facts.buyerId || !facts.currency) {
    throw ruleViolation(ruleId, `order ${facts.orderId} is not known well enough to compensate (no placement or miss recorded)`);
  }
  return { shopId: facts.shopId, buyerId: facts.buyerId, currency: facts.currency };
}

/** Completes a calculation with the rule reference and the rulebook's supervisor threshold. */
export function decided(
  rulebook: Rulebook,
  kind: CompensationKind,
  ruleId: string,
  facts: OrderFacts,
  parts: { basedOn: string[]; inputs: CompensationInput[]; explanation: string; amount: number },
): CompensationCalculation {
  const threshold = rulebook.compensation.supervisorApprovalAboveMinor;
  if (parts.amount <= 0) throw ruleViolation(ruleId, `the rule gives nothing to pay on order ${facts.orderId}: ${parts.explanation}`);
  return {
    kind,
    rule: { ruleId, rulebookVersion: rulebook.version },
    ...parties(ruleId, facts),
    ...parts,
    requiresSupervisorApproval: parts.amount > threshold,
    approvalThreshold: threshold,
  };
}
