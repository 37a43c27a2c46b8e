import type { DisputeCause } from '@aftersales/contracts';
import { deciderSpec } from '@aftersales/kernel/testing';
import { makeRefundDecider } from './refund-decider';
import type { OpenDisputeRefund, ResolveByDispute } from './refund-commands';
import { RefundRules } from './refund-rules';
import { daysAfterD0, ORDER_ID, PAID, REFUND_ID, rulebook } from '../testing/refund-fixtures';
import { refundEscalated, refundRejected, refundRequested } from '../testing/refund-events';

const spec = deciderSpec(makeRefundDecider(rulebook));
const AT = daysAfterD0(9);
const escalatedHistory = [refundRequested(), refundRejected(), refundEscalated()];
const ruling: DisputeCause = { kind: 'dispute', disputeId: 'dsp_test1', rulingId: 'rul-1', eventId: 'evt-ruled' };
const remedy: DisputeCause = { kind: 'dispute', disputeId: 'dsp_test1', remedyId: 'rm-1', eventId: 'evt-accepted' };

const resolve = (patch: Partial<ResolveByDispute> = {}): ResolveByDispute => ({
  type: 'ResolveByDispute',
  refundId: REFUND_ID,
  cause: ruling,
  outcome: 'paid',
  amount: 40_000,
  approval: 'platform_ruling',
  explanation: 'ruling rul-1 (buyer_wins)',
  at: AT,
  ...patch,
});

describe('ResolveByDispute (the case ends the escalated refund)', () => {
  it('given an escalated refund, when a buyer_wins ruling pays it, then the case is named, the refund approved by the ruling and paid without a return', () => {
    const { state } = spec
      .given(escalatedHistory)
      .when(resolve())
      .then([
        {
          type: 'RefundDisputeResolved',
          data: expect.objectContaining({ refundId: REFUND_ID, cause: ruling, outcome: 'paid', amount: 40_000, resolvedAt: AT }),
        },
        { type: 'RefundApproved', data: expect.objectContaining({ approval: 'platform_ruling', amount: 40_000, returnRequired: false }) },
        { type: 'RefundPaymentAuthorized', data: expect.objectContaining({ amount: 40_000, trigger: 'platform_ruling', payoutId: 'pay_refund_rfd_test1' }) },
      ]);
    expect(state).toMatchObject({ status: 'refunding', dispute: { cause: ruling, outcome: 'paid' } });
  });

  it('given an escalated refund, when an accepted partial remedy pays less than asked, then only that amount is authorized, approved by the merchant', () => {
    const { events } = spec.given(escalatedHistory).when(resolve({ cause: remedy, approval: 'merchant', amount: 15_000 })).decided();
    expect(events.map((e) => [e.type, (e.data as { amount?: number }).amount])).toEqual([
      ['RefundDisputeResolved', 15_000],
      ['RefundApproved', 15_000],
      ['RefundPaymentAuthorized', 15_000],
    ]);
    expect(events[2].data).toMatchObject({ trigger: 'approved' });
  });

  it('given an escalated refund, when the ruling goes to the merchant, then it is closed with the case named and nothing authorized', () => {
    const { state } = spec
      .given(escalatedHistory)
      .when(resolve({ outcome: 'closed', amount: 0 }))
      .then([{ type: 'RefundDisputeResolved', data: expect.objectContaining({ outcome: 'closed', amount: 0 }) }]);
    expect(state).toMatchObject({ status: 'closed', closedAt: AT });
  });

  it('given a refund the ruling already resolved, when the same cause comes again, then nothing; another cause is 409', () => {
    const resolved = spec.given(escalatedHistory).when(resolve()).decided().events;
    const after = spec.given([...escalatedHistory, ...resolved]);
    after.when(resolve()).thenNothing();
    expect(after.when(resolve({ cause: { ...ruling, rulingId: 'rul-2' } })).thenRefuses(RefundRules.disputeAlreadyResolved).kind).toBe('conflict');
  });

  it('given an escalated refund of 40 000, when a cause would pay 40 001 through it, then 422', () => {
    spec.given(escalatedHistory).when(resolve({ amount: 40_001 })).thenRefuses(RefundRules.disputeAmountExceedsRequest);
  });

  it('given a refund that was never escalated, when a dispute resolves it, then 409 naming its status', () => {
    expect(spec.given([refundRequested()]).when(resolve()).thenRefuses()).toMatchObject({ kind: 'conflict', details: { currentStatus: 'waiting_merchant' } });
  });
});

describe('OpenDisputeRefund (a refund the case causes)', () => {
  const open = (patch: Partial<OpenDisputeRefund> = {}): OpenDisputeRefund => ({
    type: 'OpenDisputeRefund',
    refundId: 'rfd_test1_rm_rm-1',
    order: { orderId: ORDER_ID, shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY' },
    refundableAmount: PAID,
    cause: remedy,
    outcome: 'paid',
    amount: 15_000,
    approval: 'merchant',
    explanation: 'remedy rm-1 grants 15000',
    at: AT,
    ...patch,
  });

  it('given no refund, when the case causes one, then it is requested, resolved, approved and authorized in one write, nothing waiting on the merchant', () => {
    const { events, state } = spec.given([]).when(open()).decided();
    expect(events.map((e) => e.type)).toEqual(['RefundRequested', 'RefundDisputeResolved', 'RefundApproved', 'RefundPaymentAuthorized']);
    expect(events[0].data).toMatchObject({ type: 'refund_only', amount: 15_000, merchantRespondBy: AT, refundableAmount: PAID });
    expect(state).toMatchObject({ status: 'refunding', dispute: { cause: remedy }, payment: { amount: 15_000, payoutId: 'pay_refund_rfd_test1_rm_rm-1' } });
  });

  it('given the refund the case caused, when the same cause opens it again, then nothing new', () => {
    const first = spec.given([]).when(open()).decided().events;
    spec.given(first).when(open()).thenNothing();
  });

  it('given no refund, when a case would open one paying nothing, then 400', () => {
    expect(spec.given([]).when(open({ amount: 0 })).thenRefuses().kind).toBe('invalid');
  });
});
