import { currentRulebook, publishedOrDraftRulebook, type Rulebook } from '@aftersales/contracts';
import { DomainError } from '@aftersales/kernel';
import { foldOrderFacts, type OrderFacts } from '../order-facts';
import { capped, multipleOf, percentOf } from './arithmetic';
import { calculateCompensation, claimOf } from './calculate';

const v1 = currentRulebook();
const at = '2026-11-20T00:00:00.000Z';
const event = (eventId: string, type: string, data: Record<string, unknown>) => ({ eventId, type, data: { orderId: 'ord-1', ...data } });

/** The brief's worked example: 1000 CNY goods + 10 CNY shipping, paid. */
const placed = event('ev-placed', 'OrderPlaced', {
  shopId: 'shop-1',
  buyerId: 'buyer-1',
  currency: 'CNY',
  items: [
    { sku: 'tea', title: 'Tea', quantity: 2, unitPrice: 40_000 },
    { sku: 'pot', title: 'Pot', quantity: 1, unitPrice: 20_000 },
  ],
  itemsTotal: 100_000,
  shippingFee: 1_000,
  total: 101_000,
});
const paid = event('ev-paid', 'OrderPaid', { shopId: 'shop-1', currency: 'CNY', amount: 101_000, paidAt: '2026-11-02T09:00:00.000Z' });
const missed = (paidAmount: number) =>
  event('ev-missed', 'ShipByDeadlineMissed', {
    shopId: 'shop-1',
    buyerId: 'buyer-1',
    currency: 'CNY',
    shipBy: '2026-11-05T09:00:00.000Z',
    detectedAt: '2026-11-05T09:00:00.000Z',
    paymentMethod: 'online',
    paidAmount,
    itemsTotal: paidAmount,
    shippingFee: 0,
    total: paidAmount,
  });
const completed = (confirmedAt: string) => event('ev-completed', 'ReceiptConfirmed', { shopId: 'shop-1', confirmedBy: 'buyer', confirmedAt, autoConfirmAt: confirmedAt });
const shipped = event('ev-shipped', 'OrderShipped', { dispatchedAt: '2026-11-03T00:00:00.000Z' });

const facts = (...events: ReturnType<typeof event>[]): OrderFacts => events.reduce<OrderFacts | undefined>((f, e) => foldOrderFacts(f, e), undefined)!;
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? { kind: error.kind, code: error.code } : error;
  }
  return 'not refused';
};

describe('money arithmetic', () => {
  it('percentages are exact in integers and round half up to the fen', () => {
    expect(percentOf(101_000, 5)).toEqual({ exact: '5050', rounded: 5050 });
    expect(percentOf(10_050, 5)).toEqual({ exact: '502.5', rounded: 503 });
    expect(percentOf(10_049, 5)).toEqual({ exact: '502.45', rounded: 502 });
    expect(percentOf(333, 2.5)).toEqual({ exact: '8.325', rounded: 8 });
    expect(multipleOf(12_345, 3)).toEqual({ exact: '37035', rounded: 37_035 });
    expect(multipleOf(999, 1.5)).toEqual({ exact: '1498.5', rounded: 1499 });
    expect(percentOf(9_007_199_254_740, 30).rounded).toBe(2_702_159_776_422);
  });

  it('a rate with too many decimals or a fractional amount is refused rather than rounded away', () => {
    expect(() => percentOf(100, 5.001)).toThrow('at most 2 decimals');
    expect(() => percentOf(100.5, 5)).toThrow('non-negative integer');
  });

  it('a cap applies after rounding', () => {
    expect(capped(5050, 3000)).toEqual({ amount: 3000, text: 'capped at 3000 → 3000' });
    expect(capped(2999, 3000).amount).toBe(2999);
  });
});

describe('late shipment (付款未发货)', () => {
  it("given the brief's example (1000 CNY + 10 CNY shipping paid), when the ship-by is missed, then 5% = 50.50 CNY is capped to exactly 30 CNY", () => {
    const decision = calculateCompensation({ kind: 'late_shipment' }, facts(missed(101_000)), v1, at);
    expect(decision).toEqual({
      kind: 'late_shipment',
      rule: { ruleId: 'compensation.late_shipment', rulebookVersion: v1.version },
      shopId: 'shop-1',
      buyerId: 'buyer-1',
      currency: 'CNY',
      basedOn: ['ev-missed'],
      inputs: [
        { name: 'paidAmount', value: 101_000, unit: 'minor', sourceEventId: 'ev-missed' },
        { name: 'percentOfPaid', value: 5, unit: 'percent' },
        { name: 'capMinor', value: 3000, unit: 'minor' },
      ],
      explanation: '5% of 101000 = 5050; capped at 3000 → 3000',
      amount: 3000,
      requiresSupervisorApproval: false,
      approvalThreshold: 20_000,
    });
  });

  it('given a small order, then 5% with half-up rounding, under the cap', () => {
    const decision = calculateCompensation({ kind: 'late_shipment' }, facts(missed(10_050)), v1, at);
    expect([decision.amount, decision.explanation]).toEqual([503, '5% of 10050 = 502.5, rounded half up to 503; within the cap of 3000 → 503']);
  });

  it('given a COD order (nothing paid) or no miss, then it is refused naming the rule', () => {
    expect(refusal(() => calculateCompensation({ kind: 'late_shipment' }, facts(missed(0)), v1, at))).toEqual({ kind: 'rule', code: 'compensation.late_shipment' });
    expect(refusal(() => calculateCompensation({ kind: 'late_shipment' }, facts(placed, paid), v1, at))).toEqual({ kind: 'rule', code: 'compensation.late_shipment' });
  });

  it('given an amount so small that 5% rounds to 0 fen, then there is nothing to decide (refused, not a zero payout)', () => {
    expect(refusal(() => calculateCompensation({ kind: 'late_shipment' }, facts(missed(9)), v1, at))).toEqual({ kind: 'rule', code: 'compensation.late_shipment' });
    expect(calculateCompensation({ kind: 'late_shipment' }, facts(missed(10)), v1, at).amount).toBe(1);
  });

  it('given the draft rulebook v2 (cap 50 CNY), then the same miss would pay 50.50 CNY capped to 50 CNY', () => {
    const v2 = publishedOrDraftRulebook('2027-01-v2') as Rulebook;
    expect(calculateCompensation({ kind: 'late_shipment' }, facts(missed(101_000)), v2, at)).toMatchObject({
      amount: 5000,
      rule: { rulebookVersion: '2027-01-v2' },
    });
  });
});

describe('counterfeit (假一赔三)', () => {
  it('given a paid order, when counterfeit is found on one line, then 3 × that line’s goods price, which needs a supervisor', () => {
    const decision = calculateCompensation({ kind: 'counterfeit', items: [{ sku: 'tea', quantity: 1 }] }, facts(placed, paid), v1, at);
    expect(decision).toMatchObject({
      amount: 120_000,
      basedOn: ['ev-placed', 'ev-paid'],
      explanation: 'goods price = 40000 × 1 (tea) = 40000; 3 × 40000 = 120000',
      requiresSupervisorApproval: true,
    });
    expect(decision.inputs).toContainEqual({ name: 'unitPrice:tea', value: 40_000, unit: 'minor', sourceEventId: 'ev-placed' });
  });

  it('given no lines named, then the whole goods price (shipping excluded)', () => {
    expect(calculateCompensation({ kind: 'counterfeit' }, facts(placed, paid), v1, at).amount).toBe(300_000);
  });

  it('given an unknown sku → invalid; more than ordered → rule; unpaid → rule', () => {
    expect(refusal(() => calculateCompensation({ kind: 'counterfeit', items: [{ sku: 'cup', quantity: 1 }] }, facts(placed, paid), v1, at))).toMatchObject({ kind: 'invalid' });
    expect(refusal(() => calculateCompensation({ kind: 'counterfeit', items: [{ sku: 'tea', quantity: 3 }] }, facts(placed, paid), v1, at))).toMatchObject({ kind: 'rule' });
    expect(refusal(() => calculateCompensation({ kind: 'counterfeit' }, facts(placed), v1, at))).toMatchObject({ kind: 'rule' });
  });
});

describe('not as described (描述不符)', () => {
  it('given completion 3 days ago, then 30% of the item price, within the cap and the 14-day window', () => {
    const decision = calculateCompensation({ kind: 'not_as_described', items: [{ sku: 'pot', quantity: 1 }] }, facts(placed, paid, completed('2026-11-17T00:00:00.000Z')), v1, at);
    expect(decision).toMatchObject({
      amount: 6000,
      basedOn: ['ev-placed', 'ev-paid', 'ev-completed'],
      explanation: 'item price = 20000 × 1 (pot) = 20000; 30% of 20000 = 6000; within the cap of 50000 → 6000; complained 72 h after completion, within 14 days',
    });
  });

  it('given an expensive order, then capped at 500 CNY', () => {
    expect(calculateCompensation({ kind: 'not_as_described' }, facts(placed, paid, { ...paid, eventId: 'x' }), v1, at).amount).toBe(30_000);
    const pricey = event('ev-placed', 'OrderPlaced', { ...placed.data, items: [{ sku: 'tv', title: 'TV', quantity: 1, unitPrice: 900_000 }], itemsTotal: 900_000 });
    expect(calculateCompensation({ kind: 'not_as_described' }, facts(pricey, paid), v1, at).amount).toBe(50_000);
  });

  it('given completion more than 14 days ago, then refused naming the rule; exactly 14 days is still in time', () => {
    expect(refusal(() => calculateCompensation({ kind: 'not_as_described' }, facts(placed, paid, completed('2026-11-05T23:59:59.000Z')), v1, at))).toEqual({
      kind: 'rule',
      code: 'compensation.not_as_described',
    });
    expect(calculateCompensation({ kind: 'not_as_described' }, facts(placed, paid, completed('2026-11-06T00:00:00.000Z')), v1, at).amount).toBe(30_000);
  });
});

describe('out of stock (缺货) and goodwill', () => {
  it('given a paid, unshipped order, then 30% of the missing goods; once shipped it is refused', () => {
    expect(calculateCompensation({ kind: 'out_of_stock', items: [{ sku: 'pot', quantity: 1 }] }, facts(placed, paid), v1, at).amount).toBe(6000);
    expect(refusal(() => calculateCompensation({ kind: 'out_of_stock' }, facts(placed, paid, shipped), v1, at))).toMatchObject({ kind: 'rule', code: 'compensation.out_of_stock' });
  });

  it('given an agent proposal, then the amount as proposed; above the supervisor threshold it needs approval; above the maximum it is refused', () => {
    expect(calculateCompensation({ kind: 'goodwill', proposedAmount: 2000 }, facts(placed), v1, at)).toMatchObject({ amount: 2000, requiresSupervisorApproval: false, basedOn: ['ev-placed'] });
    expect(calculateCompensation({ kind: 'goodwill', proposedAmount: 20_001 }, facts(placed), v1, at).requiresSupervisorApproval).toBe(true);
    expect(calculateCompensation({ kind: 'goodwill', proposedAmount: 20_000 }, facts(placed), v1, at).requiresSupervisorApproval).toBe(false);
    expect(refusal(() => calculateCompensation({ kind: 'goodwill', proposedAmount: 100_001 }, facts(placed), v1, at))).toMatchObject({ kind: 'rule', code: 'compensation.goodwill' });
  });
});

describe('claims read back from a decision (for the audit)', () => {
  it('recomputing from the recorded inputs gives the same decision for every kind', () => {
    const f = facts(placed, paid, missed(101_000));
    for (const claim of [
      { kind: 'late_shipment' as const },
      { kind: 'counterfeit' as const, items: [{ sku: 'pot', quantity: 1 }] },
      { kind: 'not_as_described' as const },
      { kind: 'out_of_stock' as const, items: [{ sku: 'tea', quantity: 2 }] },
      { kind: 'goodwill' as const, proposedAmount: 1234 },
    ]) {
      const decision = calculateCompensation(claim, f, v1, at);
      expect(calculateCompensation(claimOf(decision)!, f, v1, at)).toEqual(decision);
    }
  });
});
