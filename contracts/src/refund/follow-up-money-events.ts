import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';

/**
 * The partial refund a shop granted in a bad-review follow-up, carried out by the refund service from
 * ReviewFollowUpRemedyGranted: paid once per remedy, never beyond what the order can still refund.
 */

export const FollowUpRefundCause = Type.Object(
  {
    kind: Type.Literal('review_follow_up', { description: 'The money is owed because of a bad-review follow-up' }),
    followUpId: Id('The follow-up case'),
    remedyId: Id('The granted remedy'),
    eventId: Id('The ReviewFollowUpRemedyGranted event that granted it'),
  },
  { additionalProperties: false, description: 'What in a bad-review follow-up caused a refund' },
);
export type FollowUpRefundCause = Static<typeof FollowUpRefundCause>;

export const RefundFollowUpResolvedEvent = defineEvent({
  type: 'RefundFollowUpResolved',
  version: 1,
  service: 'refund',
  description:
    'A partial refund granted in a bad-review follow-up is paid through this refund (stream `refund-<refundId>`, one refund per remedy); RefundApproved and RefundPaymentAuthorized follow in the same write.',
  schema: Type.Object(
    {
      refundId: Id('The refund'),
      orderId: Id('Order of the refund (partition key)'),
      shopId: Id('Shop of the order'),
      buyerId: Id('Buyer of the order'),
      cause: FollowUpRefundCause,
      amount: Money('What the refund pays'),
      currency: Currency,
      explanation: Text('Why, in words', 1000),
      resolvedAt: Timestamp('When it was recorded'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rfd_rfu_3f9e1c2d_rem-1',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    buyerId: 'buyer-4096',
    cause: { kind: 'review_follow_up', followUpId: 'rfu_3f9e1c2d', remedyId: 'rem-1', eventId: '0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10' },
    amount: 1500,
    currency: 'CNY',
    explanation: 'partial refund rem-1 of review follow-up rfu_3f9e1c2d: 1500 of 10000 still refundable',
    resolvedAt: '2026-12-02T10:00:00.000Z',
  },
});
export type RefundFollowUpResolved = Static<typeof RefundFollowUpResolvedEvent.schema>;

export const FollowUpRefundRefusedEvent = defineEvent({
  type: 'FollowUpRefundRefused',
  version: 1,
  service: 'refund',
  description:
    'A partial refund granted in a bad-review follow-up asks more than the order can still refund: nothing is paid (stream `refund-<refundId>` of the refund it would have been).',
  schema: Type.Object(
    {
      refundId: Id('The refund it would have been'),
      orderId: Id('Order of the follow-up (partition key)'),
      shopId: Id('Shop of the order'),
      buyerId: Id('Buyer of the order'),
      cause: FollowUpRefundCause,
      amount: Money('What the remedy granted'),
      refundable: Money('What the order could still refund'),
      currency: Currency,
      ruleId: Id('The rule that refused it'),
      explanation: Text('Why, in words', 1000),
      refusedAt: Timestamp('When it was recorded'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rfd_rfu_3f9e1c2d_rem-1',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    buyerId: 'buyer-4096',
    cause: { kind: 'review_follow_up', followUpId: 'rfu_3f9e1c2d', remedyId: 'rem-1', eventId: '0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10' },
    amount: 15000,
    refundable: 10000,
    currency: 'CNY',
    ruleId: 'refund.amount_exceeds_refundable',
    explanation: 'partial refund rem-1 of review follow-up rfu_3f9e1c2d asks 15000; the order can still refund 10000: nothing paid',
    refusedAt: '2026-12-02T10:00:00.000Z',
  },
});
export type FollowUpRefundRefused = Static<typeof FollowUpRefundRefusedEvent.schema>;

export const followUpMoneyEvents = [RefundFollowUpResolvedEvent, FollowUpRefundRefusedEvent] as const;
