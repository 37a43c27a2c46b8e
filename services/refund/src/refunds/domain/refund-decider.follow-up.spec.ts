import type { FollowUpRefundCause } from '@aftersales/contracts';
import { deciderSpec } from '@aftersales/kernel/testing';
import { makeRefundDecider } from './refund-decider';
import type { OpenFollowUpRefund } from './refund-commands';
import { RefundRules } from './refund-rules';
import { daysAfterD0, ORDER_ID, rulebook } from '../testing/refund-fixtures';

const spec = deciderSpec(makeRefundDecider(rulebook));
const AT = daysAfterD0(9);
const REFUND = 'rfd_rfu_abc_rem-1';
const cause: FollowUpRefundCause = { kind: 'review_follow_up', followUpId: 'rfu_abc', remedyId: 'rem-1', eventId: 'evt-granted' };

const open = (patch: Partial<OpenFollowUpRefund> = {}): OpenFollowUpRefund => ({
  type: 'OpenFollowUpRefund',
  refundId: REFUND,
  order: { orderId: ORDER_ID, shopId: 'shop-1', buyerId: 'buyer-1', currency: 'CNY' },
  cause,
  amount: 1_500,
  refundableAmount: 10_000,
  at: AT,
  ...patch,
});

describe('OpenFollowUpRefund (a partial refund granted in a bad-review follow-up)', () => {
  it('given no refund yet, when the order can still refund it, then it is requested, names the follow-up, is approved by the merchant and authorized for that amount', () => {
    const { events, state } = spec.given([]).when(open()).decided();
    expect(events.map((e) => e.type)).toEqual(['RefundRequested', 'RefundFollowUpResolved', 'RefundApproved', 'RefundPaymentAuthorized']);
    expect(events[1].data).toMatchObject({ refundId: REFUND, cause, amount: 1_500 });
    expect(events[2].data).toMatchObject({ approval: 'merchant', amount: 1_500, returnRequired: false });
    expect(events[3].data).toMatchObject({ amount: 1_500, trigger: 'approved' });
    expect(state).toMatchObject({ status: 'refunding', followUp: { cause, amount: 1_500 } });
  });

  it('given the refund of that remedy, when the same remedy comes again (a redelivered event), then nothing new', () => {
    const { events } = spec.given([]).when(open()).decided();
    spec.given(events).when(open()).thenNothing();
  });

  it('given only 1 000 left to refund on the order, when the remedy grants 1 500, then a refusal naming the rule and the follow-up is recorded and nothing is paid', () => {
    spec
      .given([])
      .when(open({ refundableAmount: 1_000 }))
      .then([
        {
          type: 'FollowUpRefundRefused',
          data: expect.objectContaining({ refundId: REFUND, cause, amount: 1_500, refundable: 1_000, ruleId: RefundRules.amountExceedsRefundable }),
        },
      ]);
  });

  it('given another remedy already paid through that refund id, when a different cause opens it, then 409', () => {
    const { events } = spec.given([]).when(open()).decided();
    spec.given(events).when(open({ cause: { ...cause, remedyId: 'rem-2' } })).thenRefuses(RefundRules.alreadyRequested);
  });

  it('given no refund yet, when the amount is not a positive integer, then it is refused', () => {
    spec.given([]).when(open({ amount: 0 })).thenRefuses();
  });
});
