import type { RefundEvent, RefundEventData, RefundEventType } from '@aftersales/contracts';
import { withoutUndefined } from '@aftersales/kernel';
import { daysAfterD0, ORDER_ID, PAID, REFUND_ID, returnAddress, rulebook } from './refund-fixtures';

/**
 * The refund's history as its stream holds it, for `deciderSpec(decider).given(events)`: each builder is the event the
 * matching command of refund-fixtures decides (request() → refundRequested(), approve() → refundApproved() and
 * refundReturnRequested(), …) under the current rulebook; `patch` states what a test is about, an undefined field
 * is left out.
 */
const event = <T extends RefundEventType>(type: T, data: RefundEventData<T>): RefundEvent =>
  ({ type, data: withoutUndefined(data) }) as RefundEvent;

const ids = { refundId: REFUND_ID, orderId: ORDER_ID };
const parties = { shopId: 'shop-1', buyerId: 'buyer-1' };

/** The buyer asked a day after delivery to return one tea for 400 CNY (quality); the merchant answers within 5 days. */
export const refundRequested = (patch: Partial<RefundEventData<'RefundRequested'>> = {}) =>
  event('RefundRequested', {
    ...ids,
    ...parties,
    type: 'return_and_refund',
    reason: 'quality',
    amount: 40_000,
    currency: 'CNY',
    refundableAmount: PAID,
    items: [{ sku: 'tea-500g', quantity: 1 }],
    evidence: [],
    requestedAt: daysAfterD0(1),
    merchantRespondBy: daysAfterD0(6),
    rulebookVersion: rulebook.version,
    ...patch,
  });

/** A 7-day no-reason return asked on day 1 for goods delivered at D0: within the window. */
export const noReasonEligibilityDecided = (patch: Partial<RefundEventData<'NoReasonReturnEligibilityDecided'>> = {}) =>
  event('NoReasonReturnEligibilityDecided', {
    ...ids,
    eligible: true,
    grounds: ['within_window'],
    receivedAt: daysAfterD0(0),
    windowEndsAt: daysAfterD0(7),
    excludedCategories: [],
    rule: { ruleId: 'refund.no_reason_7d', rulebookVersion: rulebook.version },
    decidedAt: daysAfterD0(1),
    ...patch,
  });

/** The merchant approved on day 2; the goods are to come back. */
export const refundApproved = (patch: Partial<RefundEventData<'RefundApproved'>> = {}) =>
  event('RefundApproved', {
    ...ids,
    approval: 'merchant',
    amount: 40_000,
    returnRequired: true,
    approvedAt: daysAfterD0(2),
    rulebookVersion: rulebook.version,
    ...patch,
  });

/** The buyer is to ship the return by day 9, at the merchant's cost. */
export const refundReturnRequested = (patch: Partial<RefundEventData<'RefundReturnRequested'>> = {}) =>
  event('RefundReturnRequested', {
    ...ids,
    returnAddress,
    shippingPaidBy: 'merchant',
    returnShipBy: daysAfterD0(9),
    rulebookVersion: rulebook.version,
    ...patch,
  });

/** The merchant rejected on day 2; the buyer may escalate until day 9. */
export const refundRejected = (patch: Partial<RefundEventData<'RefundRejected'>> = {}) =>
  event('RefundRejected', {
    ...ids,
    reason: 'The tea was opened.',
    evidence: [],
    rejectedAt: daysAfterD0(2),
    escalateBy: daysAfterD0(9),
    rulebookVersion: rulebook.version,
    ...patch,
  });

export const refundCancelled = (patch: Partial<RefundEventData<'RefundCancelled'>> = {}) =>
  event('RefundCancelled', { ...ids, reason: 'found it', cancelledAt: daysAfterD0(2), ...patch });

/** The buyer shipped the return on day 3 (yto YT1); the merchant confirms it by day 13. */
export const refundReturnShipped = (patch: Partial<RefundEventData<'RefundReturnShipped'>> = {}) =>
  event('RefundReturnShipped', {
    ...ids,
    carrier: 'yto',
    trackingNo: 'YT1',
    shippedAt: daysAfterD0(3),
    merchantConfirmBy: daysAfterD0(13),
    rulebookVersion: rulebook.version,
    ...patch,
  });

/** The merchant received the goods intact on day 5. */
export const refundReturnReceived = (patch: Partial<RefundEventData<'RefundReturnReceived'>> = {}) =>
  event('RefundReturnReceived', { ...ids, condition: 'intact', receivedAt: daysAfterD0(5), ...patch });

/** The 400 CNY are on their way to the buyer since the return was received on day 5. */
export const refundPaymentAuthorized = (patch: Partial<RefundEventData<'RefundPaymentAuthorized'>> = {}) =>
  event('RefundPaymentAuthorized', {
    ...ids,
    ...parties,
    payoutId: 'pay_refund_rfd_test1',
    amount: 40_000,
    currency: 'CNY',
    trigger: 'return_received',
    authorizedAt: daysAfterD0(5),
    ...patch,
  });

/** The buyer escalated the rejection on day 3 (dispute dsp_test1). */
export const refundEscalated = (patch: Partial<RefundEventData<'RefundEscalated'>> = {}) =>
  event('RefundEscalated', {
    ...ids,
    disputeId: 'dsp_test1',
    ...parties,
    type: 'return_and_refund',
    reason: 'quality',
    amount: 40_000,
    currency: 'CNY',
    description: 'The tea is mouldy.',
    rejectionReason: 'The tea was opened.',
    evidence: [{ kind: 'photo', ref: 'm/1.jpg' }],
    escalatedAt: daysAfterD0(3),
    ...patch,
  });

/** The merchant is to send the requested items again by day 5. */
export const reissueShipmentRequested = (patch: Partial<RefundEventData<'ReissueShipmentRequested'>> = {}) =>
  event('ReissueShipmentRequested', {
    ...ids,
    items: [{ sku: 'tea-500g', quantity: 1 }],
    reason: 'missing_item',
    requestedAt: daysAfterD0(2),
    shipBy: daysAfterD0(5),
    rulebookVersion: rulebook.version,
    ...patch,
  });

/** Approved on day 2 with the goods to come back: what approve() decides on request(). */
export const approvedForReturn = (): RefundEvent[] => [refundRequested(), refundApproved(), refundReturnRequested()];

/** The return is on its way to the merchant (day 3). */
export const returnShipped = (): RefundEvent[] => [...approvedForReturn(), refundReturnShipped()];
