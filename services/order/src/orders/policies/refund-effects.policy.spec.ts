import { busEvent } from '../testing/bus-events';
import { orderEffectOfRefundEvent } from './refund-effects.policy';

const refundEvent = (type: string, data: Record<string, unknown>) =>
  busEvent(type, data, {
    streamId: 'refund-rfd_1',
    revision: 3,
    position: 40,
    occurredAt: '2026-11-06T08:00:00.000Z',
    recordedAt: '2026-11-06T08:00:00.000Z',
    correlationId: 'corr-refund',
  });

const settled = (refundedInFull: boolean) =>
  refundEvent('RefundAllowanceSettled', {
    orderId: 'ord_1',
    refundId: 'rfd_1',
    amount: 20_000,
    payoutId: 'pay_refund_rfd_1',
    refundedTotal: refundedInFull ? 30_150 : 20_000,
    reservedTotal: 0,
    paidAmount: 30_150,
    refundedInFull,
    settledAt: '2026-11-06T08:00:00.000Z',
  });

describe('what a refund event asks of the order', () => {
  it('given an exchange fulfilled by a replacement, when its event arrives, then the replacement order is placed under the id the refund allocated', () => {
    const event = refundEvent('ExchangeReplacementOrderCreated', {
      refundId: 'rfd_1',
      orderId: 'ord_1',
      replacementOrderId: 'ord_rfd_1r',
      items: [{ sku: 'cup', quantity: 1 }],
      createdAt: '2026-11-06T08:00:00.000Z',
    });

    expect(orderEffectOfRefundEvent(event)).toEqual({
      type: 'PlaceReplacementOrder',
      orderId: 'ord_rfd_1r',
      input: { orderId: 'ord_rfd_1r', replacesOrderId: 'ord_1', exchangeRefundId: 'rfd_1', items: [{ sku: 'cup', quantity: 1 }] },
    });
  });

  it('given everything paid was refunded, when the allowance settles, then the order is closed with the refunded total', () => {
    expect(orderEffectOfRefundEvent(settled(true))).toEqual({
      type: 'CloseRefundedOrder',
      orderId: 'ord_1',
      input: { refundedAmount: 30_150 },
    });
  });

  it('given a partial refund, when the allowance settles, then the order is left as it is', () => {
    expect(orderEffectOfRefundEvent(settled(false))).toBeUndefined();
  });

  it('given a refund event the order does not follow (the return shipped), when it arrives, then nothing is asked', () => {
    const event = refundEvent('RefundReturnShipped', { refundId: 'rfd_1', orderId: 'ord_1', carrier: 'yto', trackingNo: 'YT1' });
    expect(orderEffectOfRefundEvent(event)).toBeUndefined();
  });

  it('given an escalated refund a dispute closed without money, then the order resumes its auto-confirm clock; one the dispute paid ends with RefundClosed instead', () => {
    const resolved = (outcome: string) =>
      refundEvent('RefundDisputeResolved', { refundId: 'rfd_1', orderId: 'ord_1', outcome, amount: 0, cause: { kind: 'dispute', disputeId: 'dsp_1', rulingId: 'rul-1', eventId: 'e' } });
    expect(orderEffectOfRefundEvent(resolved('closed'))).toEqual({ type: 'ResumeAutoConfirm', orderId: 'ord_1', input: { cause: { kind: 'refund', id: 'rfd_1' } } });
    expect(orderEffectOfRefundEvent(resolved('paid'))).toBeUndefined();
  });
});
