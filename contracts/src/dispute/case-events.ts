import { Type, type Static } from '@sinclair/typebox';
import { Currency, Evidence, Id, Money, OneOf, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { DisputeCategorySchema, DisputeOrigins, DisputeSeverities } from './vocabulary';

/** A complaint or dispute case (stream `dispute-<disputeId>`): intake, investigation, classification, escalation, close. */

export const DisputeOpenedEvent = defineEvent({
  type: 'DisputeOpened',
  version: 1,
  service: 'dispute',
  description:
    'A complaint was taken in (受理): its content, time and customer are recorded immediately. Opened by a buyer complaint, an escalated refund, a bad-review follow-up or an agent.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      shopId: Id('Shop complained about'),
      buyerId: Id('Customer who complains'),
      origin: OneOf(DisputeOrigins, 'How the case came in'),
      refundId: Type.Optional(Id('Refund request that was escalated, when origin is refund_escalation')),
      reviewId: Type.Optional(Id('Review whose follow-up opened the case, when origin is review_follow_up')),
      content: Text('What the customer says, as recorded at intake', 4000),
      claimedCategory: Type.Optional(DisputeCategorySchema),
      claimedAmount: Type.Optional(Money('Amount the customer claims, in minor units, if any')),
      currency: Currency,
      evidence: Type.Array(Evidence, { description: 'Evidence supplied at intake; may be empty' }),
      assigneeId: Type.Optional(Id('Complaint agent (工号) the case is assigned to')),
      receivedAt: Timestamp('When the complaint was received'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    buyerId: 'buyer-2048',
    origin: 'refund_escalation',
    refundId: 'rf-3c40aa',
    content: 'The colour is different from the listing photos; I never wore it.',
    claimedCategory: 'not_as_described',
    claimedAmount: 35900,
    currency: 'CNY',
    evidence: [{ kind: 'photo', ref: 'media/rf-3c40aa/listing-vs-item.jpg' }],
    assigneeId: 'cs-012',
    receivedAt: '2026-11-12T19:45:00.000Z',
  },
});
export type DisputeOpened = Static<typeof DisputeOpenedEvent.schema>;

export const InvestigationActivities = [
  'buyer_contacted',
  'merchant_contacted',
  'order_verified',
  'goods_verified',
  'logistics_verified',
  'other',
] as const;

export const DisputeInvestigationNotedEvent = defineEvent({
  type: 'DisputeInvestigationNoted',
  version: 1,
  service: 'dispute',
  description:
    'An investigation step (调查) was recorded: contacting a party or verifying order, goods or logistics facts. Notes are append-only.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      activity: OneOf(InvestigationActivities, 'What the agent did'),
      note: Text('What the agent found', 4000),
      agentId: Id('Agent (工号) who investigated'),
      notedAt: Timestamp('When the note was written'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    activity: 'goods_verified',
    note: 'Listing photo was taken under studio light; the fabric is darker in daylight.',
    agentId: 'cs-012',
    notedAt: '2026-11-13T10:05:00.000Z',
  },
});
export type DisputeInvestigationNoted = Static<typeof DisputeInvestigationNotedEvent.schema>;

export const DisputeClassifiedEvent = defineEvent({
  type: 'DisputeClassified',
  version: 1,
  service: 'dispute',
  description: 'The case was classified (分类); a later classification replaces an earlier one.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      category: DisputeCategorySchema,
      severity: OneOf(DisputeSeverities, 'major cases go to a supervisor'),
      note: Type.Optional(Text('Why this category', 1000)),
      classifiedAt: Timestamp('When the case was classified'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    category: 'not_as_described',
    severity: 'normal',
    note: 'Colour differs from the listing.',
    classifiedAt: '2026-11-13T10:10:00.000Z',
  },
});
export type DisputeClassified = Static<typeof DisputeClassifiedEvent.schema>;

export const DisputeEscalatedToSupervisorEvent = defineEvent({
  type: 'DisputeEscalatedToSupervisor',
  version: 1,
  service: 'dispute',
  description: 'A major complaint was handed to a supervisor (客服主管).',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      reason: Text('Why the case needs a supervisor', 1000),
      supervisorId: Type.Optional(Id('Supervisor who takes over, when already known')),
      escalatedAt: Timestamp('When the case was escalated'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    reason: 'Buyer alleges counterfeit goods and threatens a platform complaint.',
    supervisorId: 'sup-07',
    escalatedAt: '2026-11-19T16:00:00.000Z',
  },
});
export type DisputeEscalatedToSupervisor = Static<typeof DisputeEscalatedToSupervisorEvent.schema>;

export const DisputeCloseReasons = ['resolved', 'withdrawn_by_buyer', 'followed_up'] as const;

export const DisputeClosedEvent = defineEvent({
  type: 'DisputeClosed',
  version: 1,
  service: 'dispute',
  description: 'The case left the queues: resolved (and followed up when required) or withdrawn by the buyer.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      reason: OneOf(DisputeCloseReasons, 'Why the case closed'),
      note: Type.Optional(Text('Closing remark', 1000)),
      closedAt: Timestamp('When the case closed'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    reason: 'followed_up',
    closedAt: '2026-11-20T09:00:00.000Z',
  },
});
export type DisputeClosed = Static<typeof DisputeClosedEvent.schema>;

export const disputeCaseEvents = [
  DisputeOpenedEvent,
  DisputeInvestigationNotedEvent,
  DisputeClassifiedEvent,
  DisputeEscalatedToSupervisorEvent,
  DisputeClosedEvent,
] as const;
