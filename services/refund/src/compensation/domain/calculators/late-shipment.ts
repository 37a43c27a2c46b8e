import type { Rulebook } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { OrderFacts } from '../order-facts';
import { capped, percentOf, showScaled } from './arithmetic';
import type { CompensationCalculation } from './calculation';
import { decided } from './common';

/** 付款未发货: percentOfPaid % of what the buyer actually paid (ShipByDeadlineMissed.paidAmount), at most capMinor. */
export function lateShipment(facts: OrderFacts, rulebook: Rulebook): CompensationCalculation {
  const rule = rulebook.compensation.lateShipment;
  const missed = facts.missedShipBy;
  if (!missed) throw ruleViolation(rule.ruleId, `order ${facts.orderId} did not miss its ship-by deadline`);
  if (missed.paidAmount <= 0) throw ruleViolation(rule.ruleId, `nothing was paid on order ${facts.orderId} (cash on delivery): 5% of 0 is nothing to pay`);
  const share = percentOf(missed.paidAmount, rule.percentOfPaid);
  const cap = capped(share.rounded, rule.capMinor);
  return decided(rulebook, 'late_shipment', rule.ruleId, facts, {
    basedOn: [missed.eventId],
    inputs: [
      { name: 'paidAmount', value: missed.paidAmount, unit: 'minor', sourceEventId: missed.eventId },
      { name: 'percentOfPaid', value: rule.percentOfPaid, unit: 'percent' },
      { name: 'capMinor', value: rule.capMinor, unit: 'minor' },
    ],
    explanation: `${rule.percentOfPaid}% of ${missed.paidAmount} = ${showScaled(share)}; ${cap.text}`,
    amount: cap.amount,
  });
}
