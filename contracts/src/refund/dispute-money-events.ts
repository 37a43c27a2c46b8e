import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, OneOf, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';

/**
 * The money of a dispute (维权), carried out by the refund service from the dispute's events: an accepted remedy or a
 * ruling. Each names its cause, so a refund, a compensation and their ledger lines trace back to the case.
 */

export const DisputeCause = Type.Object(
  {
    kind: Type.Literal('dispute', { description: 'The money is owed because of a dispute case' }),
    disputeId: Id('The case'),
    remedyId: Type.Optional(Id('The accepted remedy, when a remedy is the cause')),
    rulingId: Type.Optional(Id('The ruling, when a ruling is the cause')),
    eventId: Id('The dispute event that decided it (DisputeRemedyAccepted or DisputeRuled)'),
  },
  { additionalProperties: false, description: 'What in a dispute case caused a refund' },
);
export type DisputeCause = Static<typeof DisputeCause>;

export const DisputeRefundPaymentRoutes = ['escalated_refund', 'dispute_refund'] as const;

export const DisputeRefundSettledEvent = defineEvent({
  type: 'DisputeRefundSettled',
  version: 1,
  service: 'refund',
  description:
    "How much one cause of a case (an accepted remedy, a ruling) refunds, on the case's settlement stream (`refund-dispute-<disputeId>`). Remedies are paid each in full; a ruling on appeal replaces the earlier ruling, so only what it adds is paid and what it takes away is recorded (notClawedBack), never taken back. Capped by what the order can still refund.",
  schema: Type.Object(
    {
      disputeId: Id('The case'),
      orderId: Id('Order of the case (partition key)'),
      shopId: Id('Shop of the order'),
      buyerId: Id('Buyer of the order'),
      cause: DisputeCause,
      entitledAmount: Money('What the cause grants the buyer in refunds (for a ruling: the total of the case)'),
      previouslyGranted: Money('What earlier rulings of the case already granted (0 for a remedy)'),
      grantedAmount: Money('What this cause pays now'),
      notClawedBack: Money('What earlier rulings paid beyond this one: recorded, never taken back'),
      cappedAt: Type.Optional(Money('What the order could still refund, when it capped the amount')),
      payments: Type.Array(
        Type.Object(
          {
            refundId: Id('The refund that pays it: the escalated refund, or a refund the dispute causes'),
            amount: Money('Its share'),
            route: OneOf(DisputeRefundPaymentRoutes, 'Through the escalated refund, or a new refund caused by the case'),
          },
          { additionalProperties: false },
        ),
        { description: 'The refunds that pay grantedAmount; empty when nothing is paid' },
      ),
      currency: Currency,
      explanation: Text('The arithmetic in words', 1000),
      decidedAt: Timestamp('When it was decided'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_77a0c3',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    buyerId: 'buyer-4096',
    cause: { kind: 'dispute', disputeId: 'dsp_77a0c3', rulingId: 'rul-2', eventId: '5d1e2f3a-8b7c-4d6e-a1f2-3b4c5d6e7f80' },
    entitledAmount: 15000,
    previouslyGranted: 10000,
    grantedAmount: 5000,
    notClawedBack: 0,
    payments: [{ refundId: 'rfd_dsp_77a0c3_rul-2', amount: 5000, route: 'dispute_refund' }],
    currency: 'CNY',
    explanation: 'ruling rul-2 on appeal grants 15000 in total; earlier rulings granted 10000 → 5000 more',
    decidedAt: '2026-11-25T10:00:00.000Z',
  },
});
export type DisputeRefundSettled = Static<typeof DisputeRefundSettledEvent.schema>;

export const RefundDisputeOutcomes = ['paid', 'closed'] as const;

export const RefundDisputeResolvedEvent = defineEvent({
  type: 'RefundDisputeResolved',
  version: 1,
  service: 'refund',
  description:
    'A dispute decided this refund: `paid` (an escalated refund approved by the ruling or remedy, or a refund the case causes; RefundApproved and RefundPaymentAuthorized follow with the amount) or `closed` (the ruling went to the merchant, or a remedy without money settled the case: the escalated refund ends, its reservation is released).',
  schema: Type.Object(
    {
      refundId: Id('The refund'),
      orderId: Id('Order of the refund (partition key)'),
      shopId: Id('Shop of the order'),
      buyerId: Id('Buyer of the order'),
      cause: DisputeCause,
      outcome: OneOf(RefundDisputeOutcomes, 'Paid, or closed without money'),
      amount: Money('What the refund pays (0 when closed)'),
      currency: Currency,
      explanation: Text('Why, in words', 1000),
      resolvedAt: Timestamp('When it was recorded'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rfd_0mhx2k1ab3f9e1c2d4',
    orderId: 'ord-20261105-0009',
    shopId: 'shop-88',
    buyerId: 'buyer-4096',
    cause: { kind: 'dispute', disputeId: 'dsp_0mhx2k1ab3f9e1c2d4', rulingId: 'rul-1', eventId: '0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10' },
    outcome: 'paid',
    amount: 10000,
    currency: 'CNY',
    explanation: 'ruling rul-1 (buyer_wins) refunds 10000 through the escalated refund',
    resolvedAt: '2026-11-20T10:00:00.000Z',
  },
});
export type RefundDisputeResolved = Static<typeof RefundDisputeResolvedEvent.schema>;

export const disputeMoneyEvents = [DisputeRefundSettledEvent, RefundDisputeResolvedEvent] as const;
