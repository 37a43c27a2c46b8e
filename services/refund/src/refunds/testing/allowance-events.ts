import type { RefundEvent, RefundEventData } from '@aftersales/contracts';

/**
 * The allowance of order ord_a1 as its stream holds it, for `deciderSpec(allowanceDecider).given(events)`: opened by
 * a payment of 10 000 CNY, then what happened to one refund's reservation. The totals are those of an allowance
 * holding that one reservation, as the decider records them.
 */
export const ALLOWANCE_ORDER = 'ord_a1';
export const ALLOWANCE_AT = '2026-11-06T08:00:00.000Z';
const PAID = 10_000;
const orderId = ALLOWANCE_ORDER;

export const allowanceOpened = (patch: Partial<RefundEventData<'RefundAllowanceOpened'>> = {}): RefundEvent => ({
  type: 'RefundAllowanceOpened',
  data: { orderId, shopId: 'shop-1', paidAmount: PAID, currency: 'CNY', sourceEventId: 'evt-paid', openedAt: ALLOWANCE_AT, ...patch },
});

export const allowanceReserved = (refundId: string, amount: number): RefundEvent => ({
  type: 'RefundAllowanceReserved',
  data: {
    orderId,
    refundId,
    amount,
    refundableBefore: PAID,
    reservedTotal: amount,
    refundedTotal: 0,
    paidAmount: PAID,
    currency: 'CNY',
    reservedAt: ALLOWANCE_AT,
  },
});

/** The buyer cancelled the request: its reservation is free again. */
export const allowanceReleased = (refundId: string, amount: number): RefundEvent => ({
  type: 'RefundAllowanceReleased',
  data: { orderId, refundId, amount, reason: 'request_cancelled', reservedTotal: 0, releasedAt: ALLOWANCE_AT },
});

/** The reserved refund was paid by pay_refund_<refundId>. */
export const allowanceSettled = (refundId: string, amount: number): RefundEvent => ({
  type: 'RefundAllowanceSettled',
  data: {
    orderId,
    refundId,
    amount,
    payoutId: `pay_refund_${refundId}`,
    refundedTotal: amount,
    reservedTotal: 0,
    paidAmount: PAID,
    refundedInFull: amount >= PAID,
    currency: 'CNY',
    sourceEventId: `evt-paid-${refundId}`,
    settledAt: ALLOWANCE_AT,
  },
});

/** The allowance opened by the first reservation, as ReserveRefund decides it on a new order. */
export const reservedOnce = (refundId: string, amount: number): RefundEvent[] => [allowanceOpened(), allowanceReserved(refundId, amount)];
