import type { Rulebook } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { OrderFacts } from '../order-facts';
import type { CompensationCalculation } from './calculation';
import { decided } from './common';

/** A remedy an agent proposes (goodwill credit after a bad review…): the agent names the amount, the rulebook bounds it. */
export function goodwill(facts: OrderFacts, proposedAmount: number, rulebook: Rulebook): CompensationCalculation {
  const rule = rulebook.compensation.goodwill;
  if (!facts.placed) throw ruleViolation(rule.ruleId, `order ${facts.orderId} is not known`);
  if (!Number.isSafeInteger(proposedAmount) || proposedAmount < 1) throw ruleViolation(rule.ruleId, 'a goodwill amount is a positive integer in minor units');
  if (proposedAmount > rule.maxMinor) {
    throw ruleViolation(rule.ruleId, `a goodwill remedy is at most ${rule.maxMinor}; ${proposedAmount} was proposed`, { maxMinor: rule.maxMinor });
  }
  return decided(rulebook, 'goodwill', rule.ruleId, facts, {
    basedOn: [facts.placed.eventId],
    inputs: [
      { name: 'proposedAmount', value: proposedAmount, unit: 'minor' },
      { name: 'maxMinor', value: rule.maxMinor, unit: 'minor' },
    ],
    explanation: `proposed by the agent: ${proposedAmount}; within the goodwill maximum of ${rule.maxMinor} → ${proposedAmount}`,
    amount: proposedAmount,
  });
}
