import { makeRefundDecider } from './refund-decider';
import { RefundRules } from './refund-rules';
import { deciderSpec } from '@aftersales/kernel/testing';
import { approve, autoApprove, daysAfterD0, ORDER_ID, PAID, reject, REFUND_ID, returnAddress, rulebook, typesOf } from '../testing/refund-fixtures';
import { approvedForReturn, noReasonEligibilityDecided, refundRejected, refundRequested } from '../testing/refund-events';

const spec = deciderSpec(makeRefundDecider(rulebook));

describe('ApproveRefund (merchant)', () => {
  it('given a return-and-refund request for a quality problem, when approved, then the buyer is asked to return the goods at the merchant’s cost within 7 days', () => {
    const { events, state } = spec.given([refundRequested()]).when(approve()).decided();

    expect(events).toEqual([
      {
        type: 'RefundApproved',
        data: {
          refundId: REFUND_ID,
          orderId: ORDER_ID,
          approval: 'merchant',
          amount: 40_000,
          returnRequired: true,
          approvedAt: daysAfterD0(2),
          rulebookVersion: rulebook.version,
        },
      },
      {
        type: 'RefundReturnRequested',
        data: {
          refundId: REFUND_ID,
          orderId: ORDER_ID,
          returnAddress,
          shippingPaidBy: 'merchant',
          returnShipBy: daysAfterD0(2 + rulebook.refund.buyerReturnShipDays),
          rulebookVersion: rulebook.version,
        },
      },
    ]);
    expect(state).toMatchObject({
      status: 'waiting_buyer_return',
      approval: { by: 'merchant' },
      returnRequest: { shippingPaidBy: 'merchant' },
    });
  });

  it.each([
    ['no_reason_7d', 'buyer'],
    ['other', 'buyer'],
    ['quality', 'merchant'],
    ['wrong_item', 'merchant'],
    ['damaged', 'merchant'],
    ['not_as_described', 'merchant'],
  ] as const)('given a return for reason %s, when approved, then return shipping is paid by the %s', (reason, payer) => {
    const requested = [refundRequested({ reason }), ...(reason === 'no_reason_7d' ? [noReasonEligibilityDecided()] : [])];
    const { events } = spec.given(requested).when(approve()).decided();
    expect(events[1].data).toMatchObject({ shippingPaidBy: payer });
  });

  it('given a refund-only request, when approved, then the payment is authorized with a payout id derived from the refund', () => {
    const { events, state } = spec.given([refundRequested({ type: 'refund_only', amount: PAID, items: undefined })]).when(approve()).decided();

    expect(typesOf(events)).toEqual(['RefundApproved', 'RefundPaymentAuthorized']);
    expect(events[0].data).toMatchObject({ returnRequired: false });
    expect(events[1].data).toEqual({
      refundId: REFUND_ID,
      orderId: ORDER_ID,
      shopId: 'shop-1',
      buyerId: 'buyer-1',
      payoutId: `pay_refund_${REFUND_ID}`,
      amount: PAID,
      currency: 'CNY',
      trigger: 'approved',
      authorizedAt: daysAfterD0(2),
    });
    expect(state).toMatchObject({ status: 'refunding', payment: { payoutId: `pay_refund_${REFUND_ID}`, trigger: 'approved' } });
  });

  it('given a reissue request, when approved, then logistics is asked to ship the lines again by the ship-by window', () => {
    const reissue = refundRequested({ type: 'reissue', reason: 'missing_item', amount: 0, items: [{ sku: 'cup', quantity: 1 }] });
    const { events, state } = spec.given([reissue]).when(approve(daysAfterD0(2), null)).decided();
    expect(typesOf(events)).toEqual(['RefundApproved', 'ReissueShipmentRequested']);
    expect(events[1].data).toMatchObject({
      items: [{ sku: 'cup', quantity: 1 }],
      reason: 'missing_item',
      shipBy: daysAfterD0(2 + rulebook.order.shipWithinHours / 24),
      rulebookVersion: rulebook.version,
    });
    expect(state).toMatchObject({ status: 'waiting_reissue' });
  });

  it('given an exchange request, when approved without a return address, then 400 naming returnAddress', () => {
    const error = spec.given([refundRequested({ type: 'exchange', amount: 0 })]).when(approve(daysAfterD0(2), null)).thenRefuses();
    expect(error).toMatchObject({ kind: 'invalid', details: { fields: [{ field: '/returnAddress', message: expect.any(String) }] } });
  });

  it('given an approved refund, when approved again, then 409 naming the status', () => {
    const error = spec.given(approvedForReturn()).when(approve()).thenRefuses();
    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'waiting_buyer_return' } });
  });

  it('given no refund, when approved, then 404', () => {
    expect(spec.given([]).when(approve()).thenRefuses()).toMatchObject({ kind: 'not_found', code: RefundRules.refundNotFound });
  });
});

describe('AutoApproveRefund (merchant silent, timer)', () => {
  it('given a merchant who did not answer, when the deadline passes, then approved automatically citing the request’s rulebook', () => {
    const respondBy = daysAfterD0(1 + rulebook.refund.merchantResponseDays);
    const { events, state } = spec.given([refundRequested({ type: 'refund_only', amount: 1000 })]).when(autoApprove(respondBy)).decided();
    expect(events[0]).toMatchObject({ type: 'RefundApproved', data: { approval: 'auto_timeout', rulebookVersion: rulebook.version } });
    expect(events[1]).toMatchObject({ type: 'RefundPaymentAuthorized', data: { trigger: 'approved', rulebookVersion: rulebook.version } });
    expect(state?.status).toBe('refunding');
  });

  it('given a request made under another rulebook, when it is auto-approved, then the approval cites that version', () => {
    const underOldRules = refundRequested({ merchantRespondBy: daysAfterD0(3), rulebookVersion: 'old-v0' });
    const { events } = spec.given([underOldRules]).when(autoApprove(daysAfterD0(3))).decided();
    expect(events[0].data).toMatchObject({ approval: 'auto_timeout', rulebookVersion: 'old-v0' });
    expect(events[1].data).toMatchObject({ rulebookVersion: rulebook.version });
  });

  it('given the deadline has not passed, when the timer fires early, then nothing happens', () => {
    spec.given([refundRequested()]).when(autoApprove(daysAfterD0(5))).thenNothing();
  });

  it('given the merchant answered, when the timer fires, then nothing happens', () => {
    spec.given([refundRequested(), refundRejected()]).when(autoApprove(daysAfterD0(30))).thenNothing();
  });
});

describe('RejectRefund', () => {
  it('given a waiting request, when the merchant rejects, then the buyer may escalate for 7 days', () => {
    const { events, state } = spec.given([refundRequested()]).when(reject()).decided();
    expect(events).toEqual([
      {
        type: 'RefundRejected',
        data: {
          refundId: REFUND_ID,
          orderId: ORDER_ID,
          reason: 'The tea was opened.',
          evidence: [],
          rejectedAt: daysAfterD0(2),
          escalateBy: daysAfterD0(2 + rulebook.refund.escalateAfterRejectionDays),
          rulebookVersion: rulebook.version,
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'rejected', rejection: { reason: 'The tea was opened.' } });
  });

  it('given an approved request, when the merchant rejects it, then 409', () => {
    expect(spec.given(approvedForReturn()).when(reject()).thenRefuses()).toMatchObject({ kind: 'conflict' });
  });
});
