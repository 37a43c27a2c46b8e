import { Type, type Static } from '@sinclair/typebox';
import { Currency, Evidence, Id, Money, OneOf, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import {
  DisputeAuthorParties,
  DisputeCategorySchema,
  DisputeEscalationTargets,
  DisputeOrigins,
  DisputePartySchema,
  DisputeStatusSchema,
} from './vocabulary';

/** A complaint or dispute case (stream `dispute-<disputeId>`): intake, assignment, messages, escalation, close. */

const CaseKeys = {
  disputeId: Id('Id of the case (dsp_…)'),
  orderId: Id('Order the case is about (partition key)'),
  shopId: Id('Shop the case is about'),
};

export const DisputeOpenedEvent = defineEvent({
  type: 'DisputeOpened',
  version: 2,
  service: 'dispute',
  description:
    'A case was taken in (受理) about one order: by the buyer, by a shop agent, or by the refund service escalating a refund (then it starts in arbitration with the id the refund recorded). Carries the order facts the case needs.',
  schema: Type.Object(
    {
      ...CaseKeys,
      buyerId: Id('Buyer of the order'),
      origin: OneOf(DisputeOrigins, 'How the case came in'),
      category: DisputeCategorySchema,
      description: Text('What the complaint is about, as recorded at intake', 4000),
      refundId: Type.Optional(Id('Refund request the case is about; the escalated one when origin is refund_escalation')),
      reviewId: Type.Optional(Id('Review whose follow-up opened the case, when origin is review_follow_up')),
      evidence: Type.Array(Evidence, { description: 'Evidence supplied at intake; may be empty' }),
      status: OneOf(['open', 'arbitration'] as const, 'Status the case starts in: arbitration for an escalated refund'),
      openedBy: Id('Actor who opened the case (the buyer, an agent, or the refund service)'),
      openedAt: Timestamp('When the case was taken in'),
      currency: Currency,
      paidAmount: Type.Optional(Money('What the buyer paid for the order, in minor units, when known at intake')),
      claimedAmount: Type.Optional(Money('Amount the buyer claims back, in minor units (the escalated refund amount)')),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    buyerId: 'buyer-2048',
    origin: 'refund_escalation',
    category: 'not_as_described',
    description: 'The colour is different from the listing photos; I never wore it.',
    refundId: 'rf-3c40aa',
    evidence: [{ kind: 'photo', ref: 'media/rf-3c40aa/listing-vs-item.jpg' }],
    status: 'arbitration',
    openedBy: 'refund',
    openedAt: '2026-11-12T19:45:00.000Z',
    currency: 'CNY',
    paidAmount: 35900,
    claimedAmount: 35900,
  },
});
export type DisputeOpened = Static<typeof DisputeOpenedEvent.schema>;

export const DisputeAssignedEvent = defineEvent({
  type: 'DisputeAssigned',
  version: 1,
  service: 'dispute',
  description: 'The case was assigned to a member of the shop staff (工号): by a supervisor, or an agent taking it.',
  schema: Type.Object(
    {
      ...CaseKeys,
      assigneeId: Id('Staff member who now handles the case'),
      previousAssigneeId: Type.Optional(Id('Who handled it before, when it was reassigned')),
      assignedBy: Id('Actor who assigned it'),
      assignedAt: Timestamp('When the case was assigned'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    assigneeId: 'cs-012',
    assignedBy: 'sup-07',
    assignedAt: '2026-11-12T20:00:00.000Z',
  },
});
export type DisputeAssigned = Static<typeof DisputeAssignedEvent.schema>;

export const DisputeMessageVisibilities = ['parties', 'internal'] as const;
export type DisputeMessageVisibility = (typeof DisputeMessageVisibilities)[number];

export const DisputeMessagePostedEvent = defineEvent({
  type: 'DisputeMessagePosted',
  version: 1,
  service: 'dispute',
  description:
    "A message was posted on the case: to the parties, or internal to staff and platform. The shop's first message to the buyer meets the first response; awaitingReply from the shop waits on the buyer.",
  schema: Type.Object(
    {
      ...CaseKeys,
      messageId: Id('Id of the message, unique within the case'),
      authorId: Id('Actor who wrote it'),
      authorParty: OneOf(DisputeAuthorParties, 'Side the author speaks for'),
      visibility: OneOf(DisputeMessageVisibilities, 'parties: buyer and shop see it; internal: staff and platform only'),
      text: Text('The message', 4000),
      awaitingReply: Type.Boolean({ description: 'True when the author waits on the buyer to answer' }),
      postedAt: Timestamp('When the message was posted'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    messageId: 'msg-1',
    authorId: 'cs-012',
    authorParty: 'merchant',
    visibility: 'parties',
    text: 'Could you send a daylight photo of the item next to the listing?',
    awaitingReply: true,
    postedAt: '2026-11-12T21:00:00.000Z',
  },
});
export type DisputeMessagePosted = Static<typeof DisputeMessagePostedEvent.schema>;

export const DisputeStatusChangedEvent = defineEvent({
  type: 'DisputeStatusChanged',
  version: 1,
  service: 'dispute',
  description:
    'The case moved from one status to another. Written alongside every event that moves the status after intake (DisputeOpened carries the first status), so read models outside the service follow the status without the decider.',
  schema: Type.Object(
    {
      ...CaseKeys,
      from: DisputeStatusSchema('Status before'),
      to: DisputeStatusSchema('Status after'),
      cause: Type.Optional(Id('Event (of another stream or service) that caused the change, when one did')),
      at: Timestamp('When the status changed'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    from: 'in_progress',
    to: 'awaiting_buyer',
    at: '2026-11-12T21:00:00.000Z',
  },
});
export type DisputeStatusChanged = Static<typeof DisputeStatusChangedEvent.schema>;

export const DisputeEscalatedEvent = defineEvent({
  type: 'DisputeEscalated',
  version: 1,
  service: 'dispute',
  description: 'A party escalated the case: to a supervisor (客服主管), or to platform arbitration (小二介入).',
  schema: Type.Object(
    {
      ...CaseKeys,
      to: OneOf(DisputeEscalationTargets, 'Who takes the case over'),
      reason: Text('Why the case is escalated', 2000),
      escalatedBy: Id('Actor who escalated'),
      party: DisputePartySchema,
      at: Timestamp('When the case was escalated'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    to: 'platform',
    reason: 'The shop still refuses the return.',
    escalatedBy: 'buyer-2048',
    party: 'buyer',
    at: '2026-11-15T08:00:00.000Z',
  },
});
export type DisputeEscalated = Static<typeof DisputeEscalatedEvent.schema>;

export const DisputeCloseReasons = ['resolved', 'withdrawn_by_buyer', 'followed_up', 'buyer_unresponsive'] as const;
export type DisputeCloseReason = (typeof DisputeCloseReasons)[number];

export const DisputeClosedEvent = defineEvent({
  type: 'DisputeClosed',
  version: 2,
  service: 'dispute',
  description:
    'The case left the queues: followed up after its resolution, withdrawn by the buyer, or closed because the buyer did not answer within the rulebook time (ruleId and rulebookVersion then say which).',
  schema: Type.Object(
    {
      ...CaseKeys,
      reason: OneOf(DisputeCloseReasons, 'Why the case closed'),
      note: Type.Optional(Text('Closing remark', 1000)),
      ruleId: Type.Optional(Type.String({ minLength: 1, description: 'Rule that closed the case, when a timeout did' })),
      rulebookVersion: Type.Optional(Type.String({ minLength: 1, description: 'Rulebook version of that rule' })),
      closedAt: Timestamp('When the case closed'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dsp_3c40aa',
    orderId: 'ord-20261105-0003',
    shopId: 'shop-88',
    reason: 'buyer_unresponsive',
    ruleId: 'dispute.awaiting_buyer',
    rulebookVersion: '2026-12-v4',
    closedAt: '2026-11-20T09:00:00.000Z',
  },
});
export type DisputeClosed = Static<typeof DisputeClosedEvent.schema>;

export const disputeCaseEvents = [
  DisputeOpenedEvent,
  DisputeAssignedEvent,
  DisputeMessagePostedEvent,
  DisputeStatusChangedEvent,
  DisputeEscalatedEvent,
  DisputeClosedEvent,
] as const;
