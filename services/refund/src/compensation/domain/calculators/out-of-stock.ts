import type { RefundItem, Rulebook } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { OrderFacts } from '../order-facts';
import { capped, percentOf, showScaled } from './arithmetic';
import type { CompensationCalculation } from './calculation';
import { decided } from './common';
import { goodsPriceOf, lineInputs, pricedLines, showLines } from './goods-lines';

/** 缺货: after payment the merchant cannot ship; percentOfGoodsPrice % of the missing goods' price, at most capMinor. */
export function outOfStock(facts: OrderFacts, items: RefundItem[] | undefined, rulebook: Rulebook): CompensationCalculation {
  const rule = rulebook.compensation.outOfStock;
  if (!facts.placed || !facts.paid) throw ruleViolation(rule.ruleId, `order ${facts.orderId} was not paid: out of stock is compensated after payment`);
  if (facts.shipped) throw ruleViolation(rule.ruleId, `order ${facts.orderId} was shipped: it was not out of stock`);
  const lines = pricedLines(rule.ruleId, facts.placed.items, items);
  const goodsPrice = goodsPriceOf(lines);
  const share = percentOf(goodsPrice, rule.percentOfGoodsPrice);
  const cap = capped(share.rounded, rule.capMinor);
  return decided(rulebook, 'out_of_stock', rule.ruleId, facts, {
    basedOn: [facts.placed.eventId, facts.paid.eventId],
    inputs: [
      ...lineInputs(lines, facts.placed.eventId),
      { name: 'goodsPrice', value: goodsPrice, unit: 'minor' },
      { name: 'percentOfGoodsPrice', value: rule.percentOfGoodsPrice, unit: 'percent' },
      { name: 'capMinor', value: rule.capMinor, unit: 'minor' },
    ],
    explanation: `goods price = ${showLines(lines)} = ${goodsPrice}; ${rule.percentOfGoodsPrice}% of ${goodsPrice} = ${showScaled(share)}; ${cap.text}`,
    amount: cap.amount,
  });
}
