import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, OneOf, Timestamp } from '../common';
import { defineEvent } from '../define-event';

/**
 * The refund allowance of an order (stream `refund-allowance-<orderId>`): what the buyer paid, what refund requests
 * have reserved and what was refunded. Every reservation is appended with the stream's expected revision, so two
 * concurrent requests can never together reserve more than was paid.
 */

export const RefundAllowanceOpenedEvent = defineEvent({
  type: 'RefundAllowanceOpened',
  version: 1,
  service: 'refund',
  description:
    'With the first refund request on an order, the allowance records what the buyer paid (as OrderPaid, or CashOnDeliveryCollected for cash on delivery, reported it): refunds on the order may reserve up to paidAmount.',
  schema: Type.Object(
    {
      orderId: Id('Order whose payment opens the allowance (partition key)'),
      shopId: Id('Shop that sold the order'),
      paidAmount: Money('What the buyer paid, in minor units: the most that can ever be refunded on the order'),
      currency: Currency,
      sourceEventId: Id('The order event that reported the payment'),
      openedAt: Timestamp('When the refund service recorded the payment'),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord-20261105-0001',
    shopId: 'shop-88',
    paidAmount: 20900,
    currency: 'CNY',
    sourceEventId: '0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10',
    openedAt: '2026-11-05T09:00:01.000Z',
  },
});
export type RefundAllowanceOpened = Static<typeof RefundAllowanceOpenedEvent.schema>;

export const RefundAllowanceReservedEvent = defineEvent({
  type: 'RefundAllowanceReserved',
  version: 1,
  service: 'refund',
  description:
    'A refund request reserved part of what was paid, before it was recorded. Reserved plus refunded never exceeds paid; the reservation is released if the request ends without payment, or settled when the money moves.',
  schema: Type.Object(
    {
      orderId: Id('Order the reservation is on (partition key)'),
      refundId: Id('Refund request that holds the reservation'),
      amount: Money('Amount reserved, in minor units'),
      refundableBefore: Money('What could still be refunded before this reservation: paid − reserved − refunded'),
      reservedTotal: Money('Sum of open reservations on the order, this one included'),
      refundedTotal: Money('Sum of refunds already paid on the order'),
      paidAmount: Money('What the buyer paid'),
      currency: Currency,
      reservedAt: Timestamp('When the amount was reserved'),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord-20261105-0001',
    refundId: 'rfd_0mhk2x1a9c3f1e2d4b',
    amount: 19900,
    refundableBefore: 20900,
    reservedTotal: 19900,
    refundedTotal: 0,
    paidAmount: 20900,
    currency: 'CNY',
    reservedAt: '2026-11-08T09:30:00.000Z',
  },
});
export type RefundAllowanceReserved = Static<typeof RefundAllowanceReservedEvent.schema>;

export const RefundAllowanceReleaseReasons = ['request_cancelled', 'request_closed', 'request_not_recorded'] as const;

export const RefundAllowanceReleasedEvent = defineEvent({
  type: 'RefundAllowanceReleased',
  version: 1,
  service: 'refund',
  description:
    'A reservation was given back: its request was withdrawn or closed without payment, or the request was never recorded (a crash between the reservation and the request).',
  schema: Type.Object(
    {
      orderId: Id('Order the reservation was on (partition key)'),
      refundId: Id('Refund request that held the reservation'),
      amount: Money('Amount released, in minor units'),
      reason: OneOf(RefundAllowanceReleaseReasons, 'Why the reservation was released'),
      reservedTotal: Money('Sum of open reservations on the order after the release'),
      sourceEventId: Type.Optional(Id('Event that ended the request, when there is one')),
      releasedAt: Timestamp('When the reservation was released'),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord-20261105-0004',
    refundId: 'rfd_0mhk2x1a9c3f1e2d4c',
    amount: 5000,
    reason: 'request_cancelled',
    reservedTotal: 0,
    sourceEventId: '5d1e2f3a-8b7c-4d6e-a1f2-3b4c5d6e7f80',
    releasedAt: '2026-11-09T12:00:01.000Z',
  },
});
export type RefundAllowanceReleased = Static<typeof RefundAllowanceReleasedEvent.schema>;

export const RefundAllowanceSettledEvent = defineEvent({
  type: 'RefundAllowanceSettled',
  version: 1,
  service: 'refund',
  description:
    'A refund was paid: its reservation became a refunded amount. When everything paid has been refunded (refundedInFull) the order is closed as refunded in full.',
  schema: Type.Object(
    {
      orderId: Id('Order the refund was paid on (partition key)'),
      refundId: Id('Refund request that was paid'),
      amount: Money('Amount paid back, in minor units'),
      payoutId: Id('Payout that moved the money'),
      refundedTotal: Money('Sum of refunds paid on the order, this one included'),
      reservedTotal: Money('Sum of reservations still open on the order'),
      paidAmount: Money('What the buyer paid'),
      refundedInFull: Type.Boolean({ description: 'True when refundedTotal reached paidAmount' }),
      currency: Currency,
      sourceEventId: Id('The event that reported the payment (PayoutSucceeded of the refund payout)'),
      settledAt: Timestamp('When the payment was recorded against the allowance'),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'ord-20261105-0001',
    refundId: 'rfd_0mhk2x1a9c3f1e2d4b',
    amount: 19900,
    payoutId: 'pay_refund_rfd_0mhk2x1a9c3f1e2d4b',
    refundedTotal: 19900,
    reservedTotal: 0,
    paidAmount: 20900,
    refundedInFull: false,
    currency: 'CNY',
    sourceEventId: '7a1e2f3a-8b7c-4d6e-a1f2-3b4c5d6e7f81',
    settledAt: '2026-11-17T14:20:01.000Z',
  },
});
export type RefundAllowanceSettled = Static<typeof RefundAllowanceSettledEvent.schema>;

export const refundAllowanceEvents = [
  RefundAllowanceOpenedEvent,
  RefundAllowanceReservedEvent,
  RefundAllowanceReleasedEvent,
  RefundAllowanceSettledEvent,
] as const;
