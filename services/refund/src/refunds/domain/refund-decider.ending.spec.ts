import { RefundRules } from './refund-rules';
import {
  approve,
  autoConfirm,
  cancel,
  closeUnescalated,
  confirmReceipt,
  daysAfterD0,
  escalate,
  given,
  PAID,
  recordPaid,
  reissueDispatched,
  reject,
  request,
  rulebook,
  shipReturn,
  typesOf,
} from '../testing/refund-fixtures';

describe('CancelRefund (buyer withdraws)', () => {
  it.each([
    ['waiting for the merchant', [request()]],
    ['waiting for the return', [request(), approve()]],
    ['rejected', [request(), reject()]],
  ])('given a request %s, when the buyer cancels, then RefundCancelled', (_label, history) => {
    const { events, state } = given(history).when(cancel(daysAfterD0(3)));
    expect(typesOf(events)).toEqual(['RefundCancelled']);
    expect(state?.status).toBe('cancelled');
  });

  it('given a cancelled request, when cancelled again, then nothing new happens', () => {
    expect(given([request(), cancel()]).when(cancel()).events).toEqual([]);
  });

  it('given goods on their way back, when the buyer cancels, then 409', () => {
    const error = given([request(), approve(), shipReturn()]).whenRefused(cancel(daysAfterD0(4)));
    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'waiting_merchant_receipt' } });
  });
});

describe('EscalateRefund (维权)', () => {
  it('given a rejection, when the buyer escalates in time, then RefundEscalated carries what a dispute needs', () => {
    const history = [
      request({ evidence: [{ kind: 'photo', ref: 'b/1.jpg' }] }),
      { ...reject(), evidence: [{ kind: 'photo' as const, ref: 'm/0.jpg' }] },
    ];
    const { events, state } = given(history).when(escalate());
    expect(events).toEqual([
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
    const error = given([request(), reject()]).whenRefused(escalate(daysAfterD0(9.5)));
    expect(error).toMatchObject({ kind: 'rule', code: RefundRules.escalationWindowExpired, details: { escalateBy: daysAfterD0(9) } });
  });

  it('given a request the merchant has not answered, when the buyer escalates, then 409', () => {
    expect(given([request()]).whenRefused(escalate())).toMatchObject({ kind: 'conflict' });
  });

  it('given an escalated refund, when a platform ruling approves it, then the payment follows with the ruling as trigger', () => {
    const history = [request({ refundType: 'refund_only', amount: PAID, items: undefined }), reject(), escalate()];
    const { events } = given(history).when({ ...approve(daysAfterD0(6), null), approval: 'platform_ruling' });
    expect(typesOf(events)).toEqual(['RefundApproved', 'RefundPaymentAuthorized']);
    expect(events[1].data).toMatchObject({ trigger: 'platform_ruling' });
  });
});

describe('CloseUnescalatedRefund (rejection not escalated in 7 days, timer)', () => {
  it('given a rejection nobody escalated, when the deadline passes, then the request closes citing its rulebook', () => {
    const { events, state } = given([request(), reject()]).when(closeUnescalated(daysAfterD0(9)));
    expect(events[0]).toMatchObject({
      type: 'RefundClosed',
      data: { reason: 'escalation_window_expired', rulebookVersion: rulebook.version },
    });
    expect(state?.status).toBe('closed');
  });

  it('given the rejection was escalated, when the timer fires, then nothing happens', () => {
    expect(given([request(), reject(), escalate()]).when(closeUnescalated(daysAfterD0(9))).events).toEqual([]);
  });
});

describe('RecordRefundPaid / RecordReissueDispatched', () => {
  const refunding = [request(), approve(), shipReturn(), confirmReceipt()];

  it('given a refund whose money is on its way, when the payout reports it paid, then RefundPaid names the trigger and the refund succeeds, once', () => {
    const { events, state } = given(refunding).when(recordPaid(daysAfterD0(6)));
    expect(events).toEqual([
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
    expect(given([...refunding, recordPaid(daysAfterD0(6))]).when(recordPaid(daysAfterD0(7))).events).toEqual([]);
  });

  it('given a refund released by the confirmation timeout, when paid, then RefundPaid cites the timeout’s rulebook', () => {
    const history = [request(), approve(), shipReturn(), autoConfirm(daysAfterD0(13))];
    const { events } = given(history).when(recordPaid(daysAfterD0(13)));
    expect(events[0].data).toMatchObject({ trigger: 'return_confirm_timeout', rulebookVersion: rulebook.version });
  });

  it('given a request still waiting for the merchant, when a payment is reported, then 409', () => {
    expect(given([request()]).whenRefused(recordPaid())).toMatchObject({ kind: 'conflict' });
  });

  it('given an approved reissue, when its parcel is dispatched, then the reissue succeeds, once', () => {
    const history = [request({ refundType: 'reissue', reason: 'missing_item', amount: 0 }), approve(daysAfterD0(2), null)];
    const { events, state } = given(history).when(reissueDispatched());
    expect(events[0]).toMatchObject({
      type: 'RefundClosed',
      data: { reason: 'reissue_fulfilled', explanation: expect.stringContaining('shp_r1') },
    });
    expect(state?.status).toBe('succeeded');
    expect(given([...history, reissueDispatched()]).when(reissueDispatched()).events).toEqual([]);
  });
});
