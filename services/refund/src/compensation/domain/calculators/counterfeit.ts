import type { RefundItem, Rulebook } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { OrderFacts } from '../order-facts';
import { multipleOf, showScaled } from './arithmetic';
import type { CompensationCalculation } from './calculation';
import { decided } from './common';
import { pricedClaim } from './goods-lines';

/** 假一赔三: multipleOfGoodsPrice × the price paid for the goods (shipping excluded), on top of the refund. */
export function counterfeit(facts: OrderFacts, items: RefundItem[] | undefined, rulebook: Rulebook): CompensationCalculation {
  const rule = rulebook.compensation.counterfeit;
  if (!facts.placed || !facts.paid) throw ruleViolation(rule.ruleId, `order ${facts.orderId} was not paid: there is no price paid to multiply`);
  const goods = pricedClaim(rule.ruleId, facts.placed, items, 'goodsPrice');
  const amount = multipleOf(goods.total, rule.multipleOfGoodsPrice);
  return decided(rulebook, 'counterfeit', rule.ruleId, facts, {
    basedOn: [facts.placed.eventId, facts.paid.eventId],
    inputs: [
      ...goods.inputs,
      { name: 'multipleOfGoodsPrice', value: rule.multipleOfGoodsPrice, unit: 'multiple' },
    ],
    explanation: `goods price = ${goods.sum}; ${rule.multipleOfGoodsPrice} × ${goods.total} = ${showScaled(amount)}`,
    amount: amount.rounded,
  });
}
