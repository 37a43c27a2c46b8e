import type { CompensationInput, OrderItem, RefundItem } from '@aftersales/contracts';
import { invalid, ruleViolation } from '@aftersales/kernel';

export interface PricedLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

/** The claimed lines priced from the order (all lines when none are named); unknown SKUs and excess quantities are refused. */
export function pricedLines(ruleId: string, items: OrderItem[], claimed: RefundItem[] | undefined): PricedLine[] {
  if (!claimed || claimed.length === 0) return items.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }));
  const unknown = claimed.filter((c) => !items.some((i) => i.sku === c.sku));
  if (unknown.length) throw invalid('Items not in the order', unknown.map((c) => ({ field: `/items/${claimed.indexOf(c)}/sku`, message: `${c.sku} is not a line of the order` })));
  return claimed.map((c) => {
    const line = items.find((i) => i.sku === c.sku)!;
    if (c.quantity > line.quantity) {
      throw ruleViolation(ruleId, `${c.quantity} × ${c.sku} claimed but only ${line.quantity} ordered`, { sku: c.sku, ordered: line.quantity });
    }
    return { sku: c.sku, quantity: c.quantity, unitPrice: line.unitPrice };
  });
}

/** One unit-price input (read from OrderPlaced) and one quantity input (the claim) per line. */
export const lineInputs = (lines: PricedLine[], placedEventId: string): CompensationInput[] =>
  lines.flatMap((l) => [
    { name: `unitPrice:${l.sku}`, value: l.unitPrice, unit: 'minor' as const, sourceEventId: placedEventId },
    { name: `quantity:${l.sku}`, value: l.quantity, unit: 'count' as const },
  ]);

export const goodsPriceOf = (lines: PricedLine[]): number => lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);

export const showLines = (lines: PricedLine[]): string => lines.map((l) => `${l.unitPrice} × ${l.quantity} (${l.sku})`).join(' + ');

export interface PricedClaim {
  total: number;
  /** Each line's unit price (from OrderPlaced) and quantity, then the total under its name. */
  inputs: CompensationInput[];
  /** The sum written out: `<unit price> × <quantity> (<sku>) + … = <total>`. */
  sum: string;
}

/** The claimed goods priced from the order as placed, with the inputs and the sum a decision shows. */
export function pricedClaim(ruleId: string, placed: { eventId: string; items: OrderItem[] }, claimed: RefundItem[] | undefined, totalName: 'goodsPrice' | 'itemPrice'): PricedClaim {
  const lines = pricedLines(ruleId, placed.items, claimed);
  const total = goodsPriceOf(lines);
  return {
    total,
    inputs: [...lineInputs(lines, placed.eventId), { name: totalName, value: total, unit: 'minor' }],
    sum: `${showLines(lines)} = ${total}`,
  };
}

/** The claimed lines back from recorded inputs (for the audit): every `quantity:<sku>` input. */
export const claimedItemsOf = (inputs: CompensationInput[]): RefundItem[] =>
  inputs.filter((i) => i.name.startsWith('quantity:')).map((i) => ({ sku: i.name.slice('quantity:'.length), quantity: i.value }));
