import type { RefundItem, Rulebook } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { OrderFacts } from '../order-facts';
import { capped, percentOf, showScaled } from './arithmetic';
import type { CompensationCalculation } from './calculation';
import { decided } from './common';
import { pricedClaim } from './goods-lines';

/** 缺货: after payment the merchant cannot ship; percentOfGoodsPrice % of the missing goods' price, at most capMinor. */
export function outOfStock(facts: OrderFacts, items: RefundItem[] | undefined, rulebook: Rulebook): CompensationCalculation {
  const rule = rulebook.compensation.outOfStock;
  if (!facts.placed || !facts.paid) throw ruleViolation(rule.ruleId, `order ${facts.orderId} was not paid: out of stock is compensated after payment`);
  if (facts.shipped) throw ruleViolation(rule.ruleId, `order ${facts.orderId} was shipped: it was not out of stock`);
  const goods = pricedClaim(rule.ruleId, facts.placed, items, 'goodsPrice');
  const share = percentOf(goods.total, rule.percentOfGoodsPrice);
  const cap = capped(share.rounded, rule.capMinor);
  return decided(rulebook, 'out_of_stock', rule.ruleId, facts, {
    basedOn: [facts.placed.eventId, facts.paid.eventId],
    inputs: [
      ...goods.inputs,
      { name: 'percentOfGoodsPrice', value: rule.percentOfGoodsPrice, unit: 'percent' },
      { name: 'capMinor', value: rule.capMinor, unit: 'minor' },
    ],
    explanation: `goods price = ${goods.sum}; ${rule.percentOfGoodsPrice}% of ${goods.total} = ${showScaled(share)}; ${cap.text}`,
    amount: cap.amount,
  });
}
