import { deciderSpec } from '@aftersales/kernel/testing';
import { makeRefundDecider } from './refund-decider';
import { RefundRules } from './refund-rules';
import {
  approve,
  cancel,
  closeUnescalated,
  daysAfterD0,
  escalate,
  PAID,
  recordPaid,
  reissueDispatched,
  rulebook,
  typesOf,
} from '../testing/refund-fixtures';
import {
  approvedForReturn,
  refundApproved,
  refundCancelled,
  refundEscalated,
  refundPaymentAuthorized,
  refundRejected,
  refundRequested,
  refundReturnReceived,
  reissueShipmentRequested,
  returnShipped,
} from '../testing/refund-events';

const spec = deciderSpec(makeRefundDecider(rulebook));

describe('CancelRefund (buyer withdraws)', () => {
  it.each([
    ['waiting for the merchant', [refundRequested()]],
    ['waiting for the return', approvedForReturn()],
    ['rejected', [refundRequested(), refundRejected()]],
  ])('given a request %s, when the buyer cancels, then RefundCancelled', (_label, history) => {
    const { state } = spec.given(history).when(cancel(daysAfterD0(3))).then([refundCancelled({ cancelledAt: daysAfterD0(3) })]);
    expect(state?.status).toBe('cancelled');
  });

  it('given a cancelled request, when cancelled again, then nothing new happens', () => {
    spec.given([refundRequested(), refundCancelled()]).when(cancel()).thenNothing();
  });

  it('given goods on their way back, when the buyer cancels, then 409', () => {
    const error = spec.given(returnShipped()).when(cancel(daysAfterD0(4))).thenRefuses();
    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'waiting_merchant_receipt' } });
  });
});

describe('EscalateRefund (维权)', () => {
  it('given a rejection, when the buyer escalates in time, then RefundEscalated carries what a dispute needs', () => {
    const history = [refundRequested({ evidence: [{ kind: 'photo', ref: 'b/1.jpg' }] }), refundRejected({ evidence: [{ kind: 'photo', ref: 'm/0.jpg' }] })];
    const { state } = spec
      .given(history)
      .when(escalate())
      .then([
        {
          type: 'RefundEscalated',
          data: {
            refundId: 'rfd_test1',
            orderId: 'ord_test1',
            disputeId: 'dsp_test1',
            shopId: 'shop-1',
            buyerId: 'buyer-1',
            type: 'return_and_refund',
            reason: 'quality',
            amount: 40_000,
            currency: 'CNY',
            description: 'The tea is mouldy.',
            rejectionReason: 'The tea was opened.',
            evidence: [
              { kind: 'photo', ref: 'b/1.jpg' },
              { kind: 'photo', ref: 'm/0.jpg' },
              { kind: 'photo', ref: 'm/1.jpg' },
            ],
            escalatedAt: daysAfterD0(3),
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'escalated', escalation: { disputeId: 'dsp_test1' } });
  });

  it('given the escalation window passed, when the buyer escalates, then 422 naming the deadline', () => {
    const error = spec.given([refundRequested(), refundRejected()]).when(escalate(daysAfterD0(9.5))).thenRefuses(RefundRules.escalationWindowExpired);
    expect(error).toMatchObject({ kind: 'rule', details: { escalateBy: daysAfterD0(9) } });
  });

  it('given a request the merchant has not answered, when the buyer escalates, then 409', () => {
    expect(spec.given([refundRequested()]).when(escalate()).thenRefuses()).toMatchObject({ kind: 'conflict' });
  });

  it('given an escalated refund, when a platform ruling approves it, then the payment follows with the ruling as trigger', () => {
    const refundOnly = { type: 'refund_only', amount: PAID } as const;
    const history = [refundRequested({ ...refundOnly, items: undefined }), refundRejected(), refundEscalated(refundOnly)];
    const { events } = spec.given(history).when({ ...approve(daysAfterD0(6), null), approval: 'platform_ruling' }).decided();
    expect(typesOf(events)).toEqual(['RefundApproved', 'RefundPaymentAuthorized']);
    expect(events[1].data).toMatchObject({ trigger: 'platform_ruling' });
  });
});

describe('CloseUnescalatedRefund (rejection not escalated in 7 days, timer)', () => {
  it('given a rejection nobody escalated, when the deadline passes, then the request closes citing its rulebook', () => {
    const { events, state } = spec.given([refundRequested(), refundRejected()]).when(closeUnescalated(daysAfterD0(9))).decided();
    expect(events[0]).toMatchObject({
      type: 'RefundClosed',
      data: { reason: 'escalation_window_expired', rulebookVersion: rulebook.version },
    });
    expect(state?.status).toBe('closed');
  });

  it('given the rejection was escalated, when the timer fires, then nothing happens', () => {
    spec.given([refundRequested(), refundRejected(), refundEscalated()]).when(closeUnescalated(daysAfterD0(9))).thenNothing();
  });
});

describe('RecordRefundPaid / RecordReissueDispatched', () => {
  const refunding = [...returnShipped(), refundReturnReceived(), refundPaymentAuthorized()];

  it('given a refund whose money is on its way, when the payout reports it paid, then RefundPaid names the trigger and the refund succeeds, once', () => {
    const { events, state } = spec
      .given(refunding)
      .when(recordPaid(daysAfterD0(6)))
      .then([
        {
          type: 'RefundPaid',
          data: {
            refundId: 'rfd_test1',
            orderId: 'ord_test1',
            shopId: 'shop-1',
            buyerId: 'buyer-1',
            payoutId: 'pay_refund_rfd_test1',
            amount: 40_000,
            currency: 'CNY',
            totalRefundedOnOrder: 40_000,
            trigger: 'return_received',
            paidAt: daysAfterD0(6),
          },
        },
        { type: 'RefundClosed', data: expect.objectContaining({ reason: 'refunded', closedAt: daysAfterD0(6) }) },
      ]);
    expect(state).toMatchObject({ status: 'succeeded', closeReason: 'refunded', payment: { paidAt: daysAfterD0(6) } });
    spec.given([...refunding, ...events]).when(recordPaid(daysAfterD0(7))).thenNothing();
  });

  it('given a refund released by the confirmation timeout, when paid, then RefundPaid cites the timeout’s rulebook', () => {
    const released = refundPaymentAuthorized({ trigger: 'return_confirm_timeout', authorizedAt: daysAfterD0(13), rulebookVersion: rulebook.version });
    const { events } = spec.given([...returnShipped(), released]).when(recordPaid(daysAfterD0(13))).decided();
    expect(events[0].data).toMatchObject({ trigger: 'return_confirm_timeout', rulebookVersion: rulebook.version });
  });

  it('given a request still waiting for the merchant, when a payment is reported, then 409', () => {
    expect(spec.given([refundRequested()]).when(recordPaid()).thenRefuses()).toMatchObject({ kind: 'conflict' });
  });

  it('given an approved reissue, when its parcel is dispatched, then the reissue succeeds, once', () => {
    const history = [
      refundRequested({ type: 'reissue', reason: 'missing_item', amount: 0 }),
      refundApproved({ amount: 0, returnRequired: false }),
      reissueShipmentRequested(),
    ];
    const { events, state } = spec.given(history).when(reissueDispatched()).decided();
    expect(events[0]).toMatchObject({
      type: 'RefundClosed',
      data: { reason: 'reissue_fulfilled', explanation: expect.stringContaining('shp_r1') },
    });
    expect(state?.status).toBe('succeeded');
    spec.given([...history, ...events]).when(reissueDispatched()).thenNothing();
  });
});
