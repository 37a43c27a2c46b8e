import type { RefundItem, Rulebook } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { OrderFacts } from '../order-facts';
import { multipleOf, showScaled } from './arithmetic';
import type { CompensationCalculation } from './calculation';
import { decided } from './common';
import { goodsPriceOf, lineInputs, pricedLines, showLines } from './goods-lines';

/** 假一赔三: multipleOfGoodsPrice × the price paid for the goods (shipping excluded), on top of the refund. */
export function counterfeit(facts: OrderFacts, items: RefundItem[] | undefined, rulebook: Rulebook): CompensationCalculation {
  const rule = rulebook.compensation.counterfeit;
  if (!facts.placed || !facts.paid) throw ruleViolation(rule.ruleId, `order ${facts.orderId} was not paid: there is no price paid to multiply`);
  const lines = pricedLines(rule.ruleId, facts.placed.items, items);
  const goodsPrice = goodsPriceOf(lines);
  const amount = multipleOf(goodsPrice, rule.multipleOfGoodsPrice);
  return decided(rulebook, 'counterfeit', rule.ruleId, facts, {
    basedOn: [facts.placed.eventId, facts.paid.eventId],
    inputs: [
      ...lineInputs(lines, facts.placed.eventId),
      { name: 'goodsPrice', value: goodsPrice, unit: 'minor' },
      { name: 'multipleOfGoodsPrice', value: rule.multipleOfGoodsPrice, unit: 'multiple' },
    ],
    explanation: `goods price = ${showLines(lines)} = ${goodsPrice}; ${rule.multipleOfGoodsPrice} × ${goodsPrice} = ${showScaled(amount)}`,
    amount: amount.rounded,
  });
}
