import { currentRulebook, RefundReasons, RefundTypes } from '@aftersales/contracts';
import { deciderSpec } from '@aftersales/kernel/testing';
import { makeRefundDecider } from './refund-decider';
import { reasonsByType, RefundRules } from './refund-rules';
import {
  D0,
  daysAfterD0,
  deliveredOrder,
  ORDER_ID,
  PAID,
  paidOrder,
  REFUND_ID,
  request,
  rulebook,
  T1,
  typesOf,
  withRefundRules,
} from '../testing/refund-fixtures';
import { refundRequested } from '../testing/refund-events';

const spec = deciderSpec(makeRefundDecider(rulebook));

describe('RequestRefund', () => {
  it('given no refund, when the buyer asks for a return and refund, then RefundRequested with the merchant deadline 5 days out', () => {
    const { events, state } = spec.given([]).when(request()).decided();

    expect(events).toEqual([
      {
        type: 'RefundRequested',
        data: {
          refundId: REFUND_ID,
          orderId: ORDER_ID,
          shopId: 'shop-1',
          buyerId: 'buyer-1',
          type: 'return_and_refund',
          reason: 'quality',
          amount: 40_000,
          currency: 'CNY',
          refundableAmount: PAID,
          items: [{ sku: 'tea-500g', quantity: 1 }],
          evidence: [],
          requestedAt: T1,
          merchantRespondBy: daysAfterD0(1 + rulebook.refund.merchantResponseDays),
          rulebookVersion: rulebook.version,
        },
      },
    ]);
    expect(state).toMatchObject({ id: REFUND_ID, status: 'waiting_merchant', deadlineRulebooks: { merchantRespondBy: rulebook.version } });
  });

  it('given another rulebook, when a refund is requested, then its merchant response window and version are used', () => {
    const decider = makeRefundDecider(withRefundRules({ merchantResponseDays: 2 }));
    const { events } = deciderSpec(decider).given([]).when(request()).decided();
    expect(events[0].data).toMatchObject({ merchantRespondBy: daysAfterD0(3), rulebookVersion: 'test-v2' });
  });

  it.each(RefundTypes)('given a delivered order, when a %s request is made with a reason its type serves, then it is recorded', (type) => {
    const money = type === 'refund_only' || type === 'return_and_refund';
    const { events } = spec.given([]).when(request({ refundType: type, reason: reasonsByType[type][0], amount: money ? 1000 : 0 })).decided();
    expect(events[0]).toMatchObject({ type: 'RefundRequested', data: { type } });
  });

  it('every reason of the brief is served by at least one type', () => {
    expect(RefundReasons.filter((reason) => !RefundTypes.some((type) => reasonsByType[type].includes(reason)))).toEqual([]);
  });

  it('given an exchange without items, when requested, then the whole order is listed (an exchange sends lines)', () => {
    const { events } = spec.given([]).when(request({ refundType: 'exchange', amount: 0, items: undefined })).decided();
    expect(events[0].data).toMatchObject({
      items: [
        { sku: 'tea-500g', quantity: 2 },
        { sku: 'cup', quantity: 1 },
      ],
    });
  });

  it('given a refund-only request without items, when requested, then items stay absent (the whole order)', () => {
    const { events } = spec.given([]).when(request({ refundType: 'refund_only', items: undefined, amount: PAID })).decided();
    expect(events[0].data).not.toHaveProperty('items');
  });

  it('given a paid order not yet shipped, when the buyer asks for a refund only, then it is recorded', () => {
    const { state } = spec.given([]).when(request({ order: paidOrder(), refundType: 'refund_only', reason: 'other', amount: PAID })).decided();
    expect(state).toMatchObject({ status: 'waiting_merchant', amount: PAID });
  });

  it.each(['return_and_refund', 'exchange', 'reissue'] as const)(
    'given a paid order not yet shipped, when a %s is asked, then 422 goods not shipped',
    (type) => {
      const money = type === 'return_and_refund';
      const error = spec.given([]).when(
        request({ order: paidOrder(), refundType: type, reason: reasonsByType[type][1], amount: money ? 1000 : 0 }),
      ).thenRefuses();
      expect(error).toMatchObject({ kind: 'rule', code: RefundRules.goodsNotShipped, details: { orderStatus: 'awaiting_shipment' } });
    },
  );

  it('given a reissue, when the reason is the 7-day no-reason return, then 422 naming the allowed reasons', () => {
    const error = spec.given([]).when(request({ refundType: 'reissue', reason: 'no_reason_7d', amount: 0 })).thenRefuses();
    expect(error).toMatchObject({
      kind: 'rule',
      code: RefundRules.reasonNotAllowedForType,
      details: { allowedReasons: reasonsByType.reissue },
    });
  });

  it('given a cash-on-delivery order not yet delivered, when a refund is asked, then 422 nothing paid', () => {
    const order = deliveredOrder({ paymentMethod: 'cod', paidAmount: 0, status: 'shipped', deliveredAt: undefined });
    const error = spec.given([]).when(request({ order, refundType: 'refund_only', reason: 'not_received' })).thenRefuses();
    expect(error).toMatchObject({ kind: 'rule', code: RefundRules.orderNotPaid });
  });

  it('given what is still refundable, when more is asked, then 422 naming the refundable amount', () => {
    const error = spec.given([]).when(request({ amount: 30_001, refundableAmount: 30_000 })).thenRefuses();
    expect(error).toMatchObject({
      kind: 'rule',
      code: RefundRules.amountExceedsRefundable,
      details: { refundable: 30_000, requested: 30_001 },
    });
  });

  it.each([
    [{ amount: 0 }, '/amount'],
    [{ amount: 12.5 }, '/amount'],
    [{ refundType: 'exchange' as const, amount: 100 }, '/amount'],
    [{ items: [{ sku: 'nope', quantity: 1 }] }, '/items/0/sku'],
    [{ items: [{ sku: 'cup', quantity: 2 }] }, '/items/0/quantity'],
    [{ items: [] }, '/items'],
  ])('given invalid input %j, when requested, then 400 naming %s', (patch, field) => {
    const error = spec.given([]).when(request(patch)).thenRefuses();
    expect(error.kind).toBe('invalid');
    expect((error.details.fields as { field: string }[]).map((f) => f.field)).toEqual([field]);
  });

  it('given a refund, when requested again with the same id, then 409', () => {
    const error = spec.given([refundRequested()]).when(request()).thenRefuses();
    expect(error).toMatchObject({ kind: 'conflict', code: RefundRules.alreadyRequested, details: { currentStatus: 'waiting_merchant' } });
  });
});

describe('RequestRefund: 7-day no-reason return (七天无理由)', () => {
  const noReason = (patch: Parameters<typeof request>[0] = {}) => request({ reason: 'no_reason_7d', ...patch });

  it('given goods received 6 days ago, when a no-reason return is asked, then it is recorded with the eligibility and its inputs', () => {
    const { events, state } = spec.given([]).when(noReason({ at: daysAfterD0(6) })).decided();
    expect(typesOf(events)).toEqual(['RefundRequested', 'NoReasonReturnEligibilityDecided']);
    expect(events[1].data).toEqual({
      refundId: REFUND_ID,
      orderId: ORDER_ID,
      eligible: true,
      grounds: ['within_window'],
      receivedAt: D0,
      windowEndsAt: daysAfterD0(7),
      excludedCategories: [],
      rule: { ruleId: 'refund.no_reason_7d', rulebookVersion: rulebook.version },
      decidedAt: daysAfterD0(6),
    });
    expect(state?.eligibility).toMatchObject({ eligible: true, windowEndsAt: daysAfterD0(7) });
  });

  it('given exactly 7 days since receipt, when asked, then it is still within the window', () => {
    expect(typesOf(spec.given([]).when(noReason({ at: daysAfterD0(7) })).decided().events)).toContain('NoReasonReturnEligibilityDecided');
  });

  it('given more than 7 days since receipt, when asked, then 422 window expired, and nothing is recorded', () => {
    const error = spec.given([]).when(noReason({ at: '2026-11-12T08:00:01.000Z' })).thenRefuses();
    expect(error).toMatchObject({
      kind: 'rule',
      code: RefundRules.noReasonWindowExpired,
      details: { rule: RefundRules.noReasonWindowExpired, windowEndsAt: daysAfterD0(7), receivedAt: D0, grounds: ['outside_window'] },
    });
  });

  it('given receipt confirmed without a delivery scan, when asked, then the window counts from the confirmation', () => {
    const order = deliveredOrder({ deliveredAt: undefined, status: 'completed', receiptConfirmedAt: daysAfterD0(2) });
    const { events } = spec.given([]).when(noReason({ order, at: daysAfterD0(8) })).decided();
    expect(events[1].data).toMatchObject({ receivedAt: daysAfterD0(2), windowEndsAt: daysAfterD0(9) });
  });

  it('given goods not received yet, when asked, then 422 not yet received', () => {
    const order = deliveredOrder({ status: 'shipped', deliveredAt: undefined });
    expect(spec.given([]).when(noReason({ order })).thenRefuses()).toMatchObject({ code: RefundRules.noReasonNotYetReceived });
  });

  it('given a concerned line in an excluded category, when asked, then 422 naming the category', () => {
    const order = deliveredOrder({
      items: [{ sku: 'suit', title: 'Tailored suit', quantity: 1, unitPrice: 90_000, category: 'custom_made' }],
    });
    const error = spec.given([]).when(noReason({ order, items: undefined })).thenRefuses();
    expect(error).toMatchObject({ code: RefundRules.noReasonExcludedCategory, details: { excludedCategories: ['custom_made'] } });
  });

  it('given the current rulebook (2026-12-v5) and a special_size line, when a 7-day no-reason return is asked for it, then 422 naming the excluded-category rule', () => {
    const order = deliveredOrder({
      items: [{ sku: 'sofa', title: 'Three-seat sofa, 2.4 m', quantity: 1, unitPrice: 100_000, category: 'special_size' }],
    });
    const error = deciderSpec(makeRefundDecider(currentRulebook())).given([]).when(noReason({ order, items: undefined })).thenRefuses();
    expect(currentRulebook().refund.noReasonExcludedCategories).toContain('special_size');
    expect(error).toMatchObject({
      kind: 'rule',
      code: RefundRules.noReasonExcludedCategory,
      details: { rule: RefundRules.noReasonExcludedCategory, excludedCategories: ['special_size'], rulebookVersion: currentRulebook().version },
    });
  });

  it('given an excluded line the request does not concern, when asked for another line, then it is eligible', () => {
    const order = deliveredOrder({
      items: [
        { sku: 'tea-500g', title: 'Tea', quantity: 2, unitPrice: 40_000, category: 'tea' },
        { sku: 'paper', title: 'Daily paper', quantity: 1, unitPrice: 200, category: 'newspaper' },
      ],
    });
    expect(typesOf(spec.given([]).when(noReason({ order })).decided().events)).toContain('NoReasonReturnEligibilityDecided');
  });

  it('given goods the buyer declares damaged, when asked, then 422 goods not intact', () => {
    expect(spec.given([]).when(noReason({ goodsCondition: 'damaged' })).thenRefuses()).toMatchObject({ code: RefundRules.noReasonGoodsNotIntact });
  });

  it('given several failed rules, when asked, then the problem names the first and lists every finding', () => {
    const order = deliveredOrder({ items: [{ sku: 'tea-500g', title: 'Tea', quantity: 2, unitPrice: 40_000, category: 'perishable' }] });
    const error = spec.given([]).when(noReason({ order, goodsCondition: 'missing_parts', at: daysAfterD0(10) })).thenRefuses();
    expect(error.code).toBe(RefundRules.noReasonWindowExpired);
    expect(error.details.grounds).toEqual(['outside_window', 'excluded_category', 'goods_not_intact']);
  });

  it('given a rulebook with a 10-day window, when asked on day 9, then it is eligible under that version', () => {
    const decider = makeRefundDecider(withRefundRules({ noReasonReturnDays: 10 }));
    const { events } = deciderSpec(decider).given([]).when(noReason({ at: daysAfterD0(9) })).decided();
    expect(events[1].data).toMatchObject({ windowEndsAt: daysAfterD0(10), rule: { rulebookVersion: 'test-v2' } });
  });
});
