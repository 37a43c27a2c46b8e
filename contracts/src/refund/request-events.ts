import { Type, type Static } from '@sinclair/typebox';
import { Currency, Evidence, Id, Money, OneOf, RuleRef, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { RefundItem, RefundReasonSchema, RefundTypeSchema } from './vocabulary';

/** Refund request lifecycle (stream `refund-<refundId>`): asked, checked, answered, withdrawn, escalated, closed. */

export const RefundRequestedEvent = defineEvent({
  type: 'RefundRequested',
  version: 1,
  service: 'refund',
  description:
    'The buyer asked for after-sales service on a paid order. Starts the merchant response clock: without an answer by merchantRespondBy the request is approved automatically.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      shopId: Id('Shop that sold the order'),
      buyerId: Id('Buyer who asks'),
      type: RefundTypeSchema,
      reason: RefundReasonSchema,
      amount: Money('Amount the buyer asks back, in minor units; 0 for an exchange or a reissue'),
      currency: Currency,
      refundableAmount: Money('What could still be refunded on the order when asked: paid minus refunds already paid or in progress'),
      items: Type.Optional(Type.Array(RefundItem, { description: 'Order lines concerned; absent means the whole order' })),
      description: Type.Optional(Text("The buyer's own description of the problem")),
      evidence: Type.Array(Evidence, { description: 'Evidence the buyer attached (photos, chat logs…); may be empty' }),
      requestedAt: Timestamp('When the buyer asked'),
      merchantRespondBy: Timestamp('Deadline for the merchant to approve or reject before automatic approval'),
      rulebookVersion: RulebookVersion('Rulebook version the response deadline was computed with'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-5b2c9e',
    orderId: 'ord-20261105-0001',
    shopId: 'shop-88',
    buyerId: 'buyer-1024',
    type: 'return_and_refund',
    reason: 'quality',
    amount: 19900,
    currency: 'CNY',
    refundableAmount: 20900,
    items: [{ sku: 'TEA-POT-01', quantity: 1 }],
    description: 'The lid is cracked.',
    evidence: [{ kind: 'photo', ref: 'media/rf-5b2c9e/lid.jpg', description: 'Crack on the lid' }],
    requestedAt: '2026-11-08T09:30:00.000Z',
    merchantRespondBy: '2026-11-13T09:30:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type RefundRequested = Static<typeof RefundRequestedEvent.schema>;

export const NoReasonReturnGrounds = [
  'within_window',
  'outside_window',
  'not_yet_received',
  'excluded_category',
  'goods_not_intact',
] as const;

export const NoReasonReturnEligibilityDecidedEvent = defineEvent({
  type: 'NoReasonReturnEligibilityDecided',
  version: 1,
  service: 'refund',
  description:
    'Whether a no_reason_7d request qualifies for the 7-day no-reason return (七天无理由): window since receipt, excluded categories, goods intact. Recorded with the inputs so the decision can be re-checked.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      eligible: Type.Boolean({ description: 'True when the no-reason return applies' }),
      grounds: Type.Array(OneOf(NoReasonReturnGrounds, 'One finding behind the decision'), {
        minItems: 1,
        description: 'Every finding that led to the decision',
      }),
      receivedAt: Type.Optional(Timestamp('When the buyer received the goods; absent if not yet delivered')),
      windowEndsAt: Type.Optional(Timestamp('End of the no-reason window (receipt + noReasonReturnDays)')),
      excludedCategories: Type.Array(Type.String({ minLength: 1, description: 'A product category' }), {
        description: 'Categories of the concerned items that the rulebook excludes; empty when none',
      }),
      rule: RuleRef,
      decidedAt: Timestamp('When the eligibility was decided'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-7a11d0',
    orderId: 'ord-20261105-0002',
    eligible: true,
    grounds: ['within_window'],
    receivedAt: '2026-11-07T15:00:00.000Z',
    windowEndsAt: '2026-11-14T15:00:00.000Z',
    excludedCategories: [],
    rule: { ruleId: 'refund.no_reason_7d', rulebookVersion: '2026-12-v4' },
    decidedAt: '2026-11-09T10:00:00.000Z',
  },
});
export type NoReasonReturnEligibilityDecided = Static<typeof NoReasonReturnEligibilityDecidedEvent.schema>;

export const RefundApprovals = ['merchant', 'auto_timeout', 'platform_ruling'] as const;

export const RefundApprovedEvent = defineEvent({
  type: 'RefundApproved',
  version: 1,
  service: 'refund',
  description:
    'The request was accepted: by the merchant, automatically because the merchant did not answer in time, or by a platform ruling. A refund_only request is paid next; return types wait for the goods.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      approval: OneOf(RefundApprovals, 'Who or what approved: the merchant, the response timeout, or a platform ruling'),
      amount: Money('Amount approved for refund, in minor units'),
      returnRequired: Type.Boolean({ description: 'True when the goods must come back before money or replacement' }),
      approvedAt: Timestamp('When the approval took effect'),
      rulebookVersion: RulebookVersion('Rulebook version of the response timeout (and of any deadline that follows)'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-5b2c9e',
    orderId: 'ord-20261105-0001',
    approval: 'auto_timeout',
    amount: 19900,
    returnRequired: true,
    approvedAt: '2026-11-13T09:30:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type RefundApproved = Static<typeof RefundApprovedEvent.schema>;

export const RefundRejectedEvent = defineEvent({
  type: 'RefundRejected',
  version: 1,
  service: 'refund',
  description: 'The merchant refused the request. The buyer may escalate to a dispute until escalateBy; after that the request closes.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      reason: Text('Why the merchant refuses, as shown to the buyer'),
      evidence: Type.Array(Evidence, { description: 'Evidence the merchant attached; may be empty' }),
      rejectedAt: Timestamp('When the merchant rejected'),
      escalateBy: Timestamp('Last moment the buyer can escalate to a dispute'),
      rulebookVersion: RulebookVersion('Rulebook version the escalation window was computed with'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-3c40aa',
    orderId: 'ord-20261105-0003',
    reason: 'The tags were removed and the item was worn.',
    evidence: [{ kind: 'photo', ref: 'media/rf-3c40aa/returned.jpg' }],
    rejectedAt: '2026-11-10T08:00:00.000Z',
    escalateBy: '2026-11-17T08:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type RefundRejected = Static<typeof RefundRejectedEvent.schema>;

export const RefundCancelledEvent = defineEvent({
  type: 'RefundCancelled',
  version: 1,
  service: 'refund',
  description: 'The buyer withdrew the request before it was paid or fulfilled. No money moves.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      reason: Type.Optional(Text('Why the buyer withdrew, if given', 500)),
      cancelledAt: Timestamp('When the buyer withdrew'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-91f0b2',
    orderId: 'ord-20261105-0004',
    reason: 'Found the missing part in the box.',
    cancelledAt: '2026-11-09T12:00:00.000Z',
  },
});
export type RefundCancelled = Static<typeof RefundCancelledEvent.schema>;

export const RefundEscalatedEvent = defineEvent({
  type: 'RefundEscalated',
  version: 1,
  service: 'refund',
  description:
    'The buyer escalated the request to a dispute (维权). Carries everything the dispute service needs to open the case without reading the refund stream; disputeId is allocated here so opening the case is idempotent.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      disputeId: Id('Id of the dispute case to open'),
      shopId: Id('Shop that sold the order'),
      buyerId: Id('Buyer who escalates'),
      type: RefundTypeSchema,
      reason: RefundReasonSchema,
      amount: Money('Amount the buyer asked back, in minor units'),
      currency: Currency,
      description: Text('What the buyer wants the dispute to settle'),
      rejectionReason: Type.Optional(Text("The merchant's rejection reason, when the request was rejected")),
      evidence: Type.Array(Evidence, { description: 'All evidence attached to the request so far, both parties' }),
      escalatedAt: Timestamp('When the buyer escalated'),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-3c40aa',
    orderId: 'ord-20261105-0003',
    disputeId: 'dp-3c40aa',
    shopId: 'shop-88',
    buyerId: 'buyer-2048',
    type: 'return_and_refund',
    reason: 'not_as_described',
    amount: 35900,
    currency: 'CNY',
    description: 'The colour is different from the listing photos; I never wore it.',
    rejectionReason: 'The tags were removed and the item was worn.',
    evidence: [
      { kind: 'photo', ref: 'media/rf-3c40aa/listing-vs-item.jpg' },
      { kind: 'photo', ref: 'media/rf-3c40aa/returned.jpg' },
    ],
    escalatedAt: '2026-11-12T19:45:00.000Z',
  },
});
export type RefundEscalated = Static<typeof RefundEscalatedEvent.schema>;

export const RefundCloseReasons = [
  'refunded',
  'exchange_fulfilled',
  'reissue_fulfilled',
  'buyer_return_timeout',
  'escalation_window_expired',
  'escalated_to_dispute',
  'order_closed',
] as const;

export const RefundClosedEvent = defineEvent({
  type: 'RefundClosed',
  version: 1,
  service: 'refund',
  description:
    'The request reached its end: fulfilled, or closed by a timeout (the buyer did not ship the return, or did not escalate a rejection in time), or handed to a dispute.',
  schema: Type.Object(
    {
      refundId: Id('Id of the refund request'),
      orderId: Id('Order the request is about (partition key)'),
      reason: OneOf(RefundCloseReasons, 'Why the request closed'),
      explanation: Type.Optional(Text('Human-readable detail, e.g. which deadline passed', 500)),
      closedAt: Timestamp('When the request closed'),
      rulebookVersion: Type.Optional(RulebookVersion('Rulebook version of the timeout, when a timeout closed it')),
    },
    { additionalProperties: false },
  ),
  example: {
    refundId: 'rf-6e2d11',
    orderId: 'ord-20261105-0005',
    reason: 'buyer_return_timeout',
    explanation: 'The return was not shipped by 2026-11-20T10:00:00.000Z.',
    closedAt: '2026-11-20T10:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type RefundClosed = Static<typeof RefundClosedEvent.schema>;

export const refundRequestEvents = [
  RefundRequestedEvent,
  NoReasonReturnEligibilityDecidedEvent,
  RefundApprovedEvent,
  RefundRejectedEvent,
  RefundCancelledEvent,
  RefundEscalatedEvent,
  RefundClosedEvent,
] as const;
