import type { CompensationInput, RefundItem, Rulebook } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { OrderFacts } from '../order-facts';
import { capped, percentOf, showScaled } from './arithmetic';
import type { CompensationCalculation } from './calculation';
import { decided } from './common';
import { pricedClaim } from './goods-lines';

const HOUR = 3_600_000;

/**
 * 描述不符: percentOfItemPrice % of the price of the items concerned, at most capMinor; the buyer may complain until
 * complainWithinDaysAfterCompletion days after completion (before completion, any time after payment).
 */
export function notAsDescribed(facts: OrderFacts, items: RefundItem[] | undefined, rulebook: Rulebook, at: string): CompensationCalculation {
  const rule = rulebook.compensation.notAsDescribed;
  if (!facts.placed || !facts.paid) throw ruleViolation(rule.ruleId, `order ${facts.orderId} was not paid`);
  const window: CompensationInput[] = [];
  let windowText = 'the order is not completed yet, so the complaint window is open';
  if (facts.completed) {
    const elapsedMs = Date.parse(at) - Date.parse(facts.completed.at);
    const hours = Math.floor(elapsedMs / HOUR);
    if (elapsedMs > rule.complainWithinDaysAfterCompletion * 24 * HOUR) {
      throw ruleViolation(rule.ruleId, `not-as-described complaints close ${rule.complainWithinDaysAfterCompletion} days after completion (completed ${facts.completed.at})`, {
        completedAt: facts.completed.at,
        windowDays: rule.complainWithinDaysAfterCompletion,
      });
    }
    window.push(
      { name: 'hoursSinceCompletion', value: hours, unit: 'hours', sourceEventId: facts.completed.eventId },
      { name: 'complainWithinDaysAfterCompletion', value: rule.complainWithinDaysAfterCompletion, unit: 'days' },
    );
    windowText = `complained ${hours} h after completion, within ${rule.complainWithinDaysAfterCompletion} days`;
  }
  const goods = pricedClaim(rule.ruleId, facts.placed, items, 'itemPrice');
  const share = percentOf(goods.total, rule.percentOfItemPrice);
  const cap = capped(share.rounded, rule.capMinor);
  return decided(rulebook, 'not_as_described', rule.ruleId, facts, {
    basedOn: [facts.placed.eventId, facts.paid.eventId, ...(facts.completed ? [facts.completed.eventId] : [])],
    inputs: [
      ...goods.inputs,
      { name: 'percentOfItemPrice', value: rule.percentOfItemPrice, unit: 'percent' },
      { name: 'capMinor', value: rule.capMinor, unit: 'minor' },
      ...window,
    ],
    explanation: `item price = ${goods.sum}; ${rule.percentOfItemPrice}% of ${goods.total} = ${showScaled(share)}; ${cap.text}; ${windowText}`,
    amount: cap.amount,
  });
}
