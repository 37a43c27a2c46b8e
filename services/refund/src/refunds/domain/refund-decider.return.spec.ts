import { deciderSpec } from '@aftersales/kernel/testing';
import { makeRefundDecider } from './refund-decider';
import { RefundRules } from './refund-rules';
import { autoConfirm, closeUnshipped, confirmReceipt, daysAfterD0, REFUND_ID, rulebook, shipReturn, typesOf } from '../testing/refund-fixtures';
import {
  approvedForReturn,
  noReasonEligibilityDecided,
  refundApproved,
  refundRequested,
  refundReturnReceived,
  refundReturnRequested,
  refundReturnShipped,
  refundPaymentAuthorized,
  returnShipped,
} from '../testing/refund-events';

const spec = deciderSpec(makeRefundDecider(rulebook));
const approved = approvedForReturn();
const shipped = returnShipped();
/** An exchange approved on day 2 whose goods the buyer shipped back on day 3. */
const exchangeShipped = [refundRequested({ type: 'exchange', amount: 0 }), refundApproved({ amount: 0 }), refundReturnRequested(), refundReturnShipped()];

describe('ShipReturn (buyer)', () => {
  it('given an approved return, when the buyer ships it, then the merchant has 10 days to confirm the goods', () => {
    const { events, state } = spec.given(approved).when(shipReturn()).decided();
    expect(events).toEqual([
      {
        type: 'RefundReturnShipped',
        data: expect.objectContaining({
          carrier: 'yto',
          trackingNo: 'YT1',
          shippedAt: daysAfterD0(3),
          merchantConfirmBy: daysAfterD0(3 + rulebook.refund.merchantConfirmReturnDays),
          rulebookVersion: rulebook.version,
        }),
      },
    ]);
    expect(state).toMatchObject({ status: 'waiting_merchant_receipt', returnShipment: { carrier: 'yto', trackingNo: 'YT1' } });
  });

  it('given the return was shipped, when the same parcel is reported again, then nothing new happens', () => {
    spec.given(shipped).when(shipReturn(daysAfterD0(4))).thenNothing();
  });

  it('given the return deadline passed, when the buyer ships, then 422 naming the deadline', () => {
    const error = spec.given(approved).when(shipReturn(daysAfterD0(10))).thenRefuses();
    expect(error).toMatchObject({ kind: 'rule', code: RefundRules.returnShipDeadlinePassed, details: { returnShipBy: daysAfterD0(9) } });
  });

  it('given a request still waiting for the merchant, when the buyer ships, then 409', () => {
    expect(spec.given([refundRequested()]).when(shipReturn()).thenRefuses()).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: 'waiting_merchant' },
    });
  });

  it('given a blank tracking number, when shipped, then 400 naming it', () => {
    const error = spec.given(approved).when({ ...shipReturn(), trackingNo: '  ' }).thenRefuses();
    expect(error).toMatchObject({ kind: 'invalid', details: { fields: [{ field: '/trackingNo', message: 'must not be blank' }] } });
  });
});

describe('ConfirmReturnReceipt (merchant)', () => {
  it('given a shipped return, when the merchant confirms the goods intact, then the payment is authorized', () => {
    const { events, state } = spec.given(shipped).when(confirmReceipt()).decided();
    expect(typesOf(events)).toEqual(['RefundReturnReceived', 'RefundPaymentAuthorized']);
    expect(events[1].data).toMatchObject({ trigger: 'return_received', amount: 40_000, payoutId: `pay_refund_${REFUND_ID}` });
    expect(state).toMatchObject({ status: 'refunding', returnReceipt: { condition: 'intact' } });
  });

  it('given a quality return, when the goods arrive damaged, then the refund is still paid (the damage may be the reason)', () => {
    expect(typesOf(spec.given(shipped).when(confirmReceipt('damaged')).decided().events)).toEqual(['RefundReturnReceived', 'RefundPaymentAuthorized']);
  });

  it('given a 7-day no-reason return, when the goods arrive with missing parts, then it is rejected and the buyer may escalate', () => {
    const history = [
      refundRequested({ reason: 'no_reason_7d' }),
      noReasonEligibilityDecided(),
      refundApproved(),
      refundReturnRequested({ shippingPaidBy: 'buyer' }),
      refundReturnShipped(),
    ];
    const { events, state } = spec.given(history).when(confirmReceipt('missing_parts')).decided();
    expect(typesOf(events)).toEqual(['RefundReturnReceived', 'RefundRejected']);
    expect(events[1].data).toMatchObject({ reason: expect.stringContaining('missing parts'), escalateBy: daysAfterD0(12) });
    expect(state?.status).toBe('rejected');
  });

  it('given an exchange, when the goods are confirmed, then the replacement order is created and the exchange succeeds', () => {
    const { events, state } = spec.given(exchangeShipped).when(confirmReceipt()).decided();
    expect(typesOf(events)).toEqual(['RefundReturnReceived', 'ExchangeReplacementOrderCreated', 'RefundClosed']);
    expect(events[1].data).toMatchObject({ replacementOrderId: 'ord_replacement', items: [{ sku: 'tea-500g', quantity: 1 }] });
    expect(events[2].data).toMatchObject({ reason: 'exchange_fulfilled' });
    expect(state).toMatchObject({ status: 'succeeded', replacementOrderId: 'ord_replacement', closeReason: 'exchange_fulfilled' });
  });

  it('given a return not shipped yet, when the merchant confirms, then 409', () => {
    expect(spec.given(approved).when(confirmReceipt()).thenRefuses()).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: 'waiting_buyer_return' },
    });
  });
});

describe('AutoConfirmReturn (merchant silent 10 days after dispatch, timer)', () => {
  it('given an unconfirmed return, when the deadline passes, then the payment is authorized by the timeout, citing its rulebook', () => {
    const { events } = spec.given(shipped).when(autoConfirm(daysAfterD0(13))).decided();
    expect(events).toEqual([
      {
        type: 'RefundPaymentAuthorized',
        data: expect.objectContaining({ trigger: 'return_confirm_timeout', rulebookVersion: rulebook.version }),
      },
    ]);
  });

  it('given an unconfirmed exchange, when the deadline passes, then the replacement order is created', () => {
    const { events } = spec.given(exchangeShipped).when(autoConfirm(daysAfterD0(13))).decided();
    expect(typesOf(events)).toEqual(['ExchangeReplacementOrderCreated', 'RefundClosed']);
    expect(events[1].data).toMatchObject({ reason: 'exchange_fulfilled', rulebookVersion: rulebook.version });
  });

  it('given the deadline has not passed or the merchant confirmed, when the timer fires, then nothing happens', () => {
    spec.given(shipped).when(autoConfirm(daysAfterD0(12))).thenNothing();
    spec.given([...shipped, refundReturnReceived(), refundPaymentAuthorized()]).when(autoConfirm(daysAfterD0(30))).thenNothing();
  });
});

describe('CloseUnshippedReturn (buyer silent 7 days after approval, timer)', () => {
  it('given an approved return nobody shipped, when the deadline passes, then the request closes citing its rulebook', () => {
    const { events, state } = spec.given(approved).when(closeUnshipped(daysAfterD0(9))).decided();
    expect(events).toEqual([
      {
        type: 'RefundClosed',
        data: expect.objectContaining({ reason: 'buyer_return_timeout', closedAt: daysAfterD0(9), rulebookVersion: rulebook.version }),
      },
    ]);
    expect(state?.status).toBe('closed');
  });

  it('given the return was shipped in time, when the timer fires, then nothing happens', () => {
    spec.given(shipped).when(closeUnshipped(daysAfterD0(9))).thenNothing();
  });
});
