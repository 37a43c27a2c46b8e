import {
  PAID,
  approve,
  autoConfirm,
  cancel,
  confirmReceipt,
  daysAfterD0,
  escalate,
  given,
  reject,
  request,
  rulebook,
  shipReturn,
} from './refund-fixtures';
import {
  approvedForReturn,
  noReasonEligibilityDecided,
  refundApproved,
  refundCancelled,
  refundEscalated,
  refundPaymentAuthorized,
  refundRejected,
  refundRequested,
  refundReturnReceived,
  refundReturnRequested,
  refundReturnShipped,
  reissueShipmentRequested,
  returnShipped,
} from './refund-events';

/** The stored-event fixtures stand for facts the decider really records: each is what its command decides. */
describe('refund event fixtures', () => {
  it.each([
    ['request()', [request()], [refundRequested()]],
    ['approve()', [request(), approve()], approvedForReturn()],
    ['reject()', [request(), reject()], [refundRequested(), refundRejected()]],
    ['cancel()', [request(), cancel()], [refundRequested(), refundCancelled()]],
    ['shipReturn()', [request(), approve(), shipReturn()], returnShipped()],
    [
      'confirmReceipt()',
      [request(), approve(), shipReturn(), confirmReceipt()],
      [...returnShipped(), refundReturnReceived(), refundPaymentAuthorized()],
    ],
    [
      'autoConfirm()',
      [request(), approve(), shipReturn(), autoConfirm(daysAfterD0(13))],
      [
        ...returnShipped(),
        refundPaymentAuthorized({ trigger: 'return_confirm_timeout', authorizedAt: daysAfterD0(13), rulebookVersion: rulebook.version }),
      ],
    ],
    [
      'a 7-day no-reason return shipped',
      [request({ reason: 'no_reason_7d' }), approve(), shipReturn()],
      [
        refundRequested({ reason: 'no_reason_7d' }),
        noReasonEligibilityDecided(),
        refundApproved(),
        refundReturnRequested({ shippingPaidBy: 'buyer' }),
        refundReturnShipped(),
      ],
    ],
    [
      'an exchange shipped back',
      [request({ refundType: 'exchange', amount: 0 }), approve(), shipReturn()],
      [refundRequested({ type: 'exchange', amount: 0 }), refundApproved({ amount: 0 }), refundReturnRequested(), refundReturnShipped()],
    ],
    ['escalate()', [request(), reject(), escalate()], [refundRequested(), refundRejected(), refundEscalated()]],
    [
      'a reissue approved',
      [request({ refundType: 'reissue', reason: 'missing_item', amount: 0 }), approve(daysAfterD0(2), null)],
      [
        refundRequested({ type: 'reissue', reason: 'missing_item', amount: 0 }),
        refundApproved({ amount: 0, returnRequired: false }),
        reissueShipmentRequested(),
      ],
    ],
    [
      'a refund of all that was paid',
      [request({ refundType: 'refund_only', amount: PAID, items: undefined })],
      [refundRequested({ type: 'refund_only', amount: PAID, items: undefined })],
    ],
  ])('%s decides the events the fixtures build', (_label, commands, events) => {
    expect(given(commands).events).toEqual(events);
  });
});
