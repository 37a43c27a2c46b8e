import { Type, type Static } from '@sinclair/typebox';
import { Currency, Evidence, Id, Money, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { DisputeCategorySchema, DisputeOrigins, DisputePartySchema, DisputeSeverities, Remedy, ViolationTypeSchema } from './vocabulary';

/**
 * Published versions the case service no longer writes: v1 of the types it writes a newer version of, and the types it
 * replaced (investigation notes and classification live in messages and the category; supervisor escalation and
 * platform arbitration are `DisputeEscalated`, the ruling `DisputeRuled`). They stay in the catalogue so stored and
 * published events keep validating and reading.
 */

/** A complaint or dispute case (stream `dispute-<disputeId>`): intake, investigation, classification, escalation, close. */

export const DisputeOpenedEventV1 = defineEvent({
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
export type DisputeOpenedV1 = Static<typeof DisputeOpenedEventV1.schema>;

export const InvestigationActivities = [
  'buyer_contacted',
  'merchant_contacted',
  'order_verified',
  'goods_verified',
  'logistics_verified',
  'other',
] as const;

export const DisputeInvestigationNotedEventV1 = defineEvent({
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
export type DisputeInvestigationNotedV1 = Static<typeof DisputeInvestigationNotedEventV1.schema>;

export const DisputeClassifiedEventV1 = defineEvent({
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
export type DisputeClassifiedV1 = Static<typeof DisputeClassifiedEventV1.schema>;

export const DisputeEscalatedToSupervisorEventV1 = defineEvent({
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
export type DisputeEscalatedToSupervisorV1 = Static<typeof DisputeEscalatedToSupervisorEventV1.schema>;

export const DisputeCloseReasonsV1 = ['resolved', 'withdrawn_by_buyer', 'followed_up'] as const;

export const DisputeClosedEventV1 = defineEvent({
  type: 'DisputeClosed',
  version: 1,
  service: 'dispute',
  description: 'The case left the queues: resolved (and followed up when required) or withdrawn by the buyer.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      reason: OneOf(DisputeCloseReasonsV1, 'Why the case closed'),
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
export type DisputeClosedV1 = Static<typeof DisputeClosedEventV1.schema>;

/** Both parties submit evidence; each request has a due date, and missing it is a fact of its own. */

export const DisputeEvidenceRequestedEventV1 = defineEvent({
  type: 'DisputeEvidenceRequested',
  version: 1,
  service: 'dispute',
  description: 'A party was asked for evidence, due by dueBy.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      requestId: Id('Id of this evidence request, unique within the case'),
      party: DisputePartySchema,
      description: Text('What evidence is wanted', 1000),
      dueBy: Timestamp('Deadline for the evidence'),
      requestedAt: Timestamp('When the evidence was requested'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    requestId: 'ev-1',
    party: 'merchant',
    description: 'Daylight photos of the same batch and the supplier colour card.',
    dueBy: '2026-11-16T10:00:00.000Z',
    requestedAt: '2026-11-13T10:15:00.000Z',
  },
});
export type DisputeEvidenceRequestedV1 = Static<typeof DisputeEvidenceRequestedEventV1.schema>;

export const DisputeEvidenceSubmittedEventV1 = defineEvent({
  type: 'DisputeEvidenceSubmitted',
  version: 1,
  service: 'dispute',
  description: 'A party submitted evidence, answering a request or on its own initiative.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      requestId: Type.Optional(Id('Evidence request answered, if any')),
      party: DisputePartySchema,
      evidence: Type.Array(Evidence, { minItems: 1, description: 'The evidence submitted' }),
      note: Type.Optional(Text('What the party says about it', 2000)),
      late: Type.Boolean({ description: "True when submitted after the request's due date" }),
      submittedAt: Timestamp('When the evidence was submitted'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    requestId: 'ev-1',
    party: 'merchant',
    evidence: [{ kind: 'photo', ref: 'media/dp-3c40aa/daylight.jpg', description: 'Same batch in daylight' }],
    late: false,
    submittedAt: '2026-11-14T09:00:00.000Z',
  },
});
export type DisputeEvidenceSubmittedV1 = Static<typeof DisputeEvidenceSubmittedEventV1.schema>;

export const DisputeEvidenceOverdueEventV1 = defineEvent({
  type: 'DisputeEvidenceOverdue',
  version: 1,
  service: 'dispute',
  description: "An evidence request reached its due date unanswered (fired by the case's timer).",
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      requestId: Id('Evidence request that went unanswered'),
      party: DisputePartySchema,
      dueBy: Timestamp('The due date that passed'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    requestId: 'ev-2',
    party: 'merchant',
    dueBy: '2026-11-22T16:00:00.000Z',
  },
});
export type DisputeEvidenceOverdueV1 = Static<typeof DisputeEvidenceOverdueEventV1.schema>;

/** Platform arbitration (小二介入) when buyer and merchant cannot settle. */

export const ArbitrationRequesters = ['buyer', 'merchant', 'supervisor'] as const;

export const PlatformArbitrationRequestedEventV1 = defineEvent({
  type: 'PlatformArbitrationRequested',
  version: 1,
  service: 'dispute',
  description: 'A party asked the platform to arbitrate.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      requestedBy: OneOf(ArbitrationRequesters, 'Who asked for arbitration'),
      reason: Text('Why negotiation failed', 2000),
      requestedAt: Timestamp('When arbitration was requested'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    requestedBy: 'buyer',
    reason: 'The merchant still refuses the return.',
    requestedAt: '2026-11-15T08:00:00.000Z',
  },
});
export type PlatformArbitrationRequestedV1 = Static<typeof PlatformArbitrationRequestedEventV1.schema>;

export const ArbitrationRulings = ['buyer_favoured', 'merchant_favoured', 'shared'] as const;

export const PlatformArbitrationDecidedEventV1 = defineEvent({
  type: 'PlatformArbitrationDecided',
  version: 1,
  service: 'dispute',
  description:
    'The platform agent ruled. A ruling for the buyer carries the remedy to apply and, when a rule was broken, the violation that costs the shop penalty points.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      arbitratorId: Id('Platform agent (小二) who decided'),
      ruling: OneOf(ArbitrationRulings, 'In whose favour'),
      remedy: Type.Optional(Remedy),
      violationType: Type.Optional(ViolationTypeSchema),
      explanation: Text('Reasons of the ruling, citing the evidence', 4000),
      decidedAt: Timestamp('When the ruling was made'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-3c40aa',
    orderId: 'ord-20261105-0003',
    arbitratorId: 'plat-x03',
    ruling: 'buyer_favoured',
    remedy: { kind: 'refund', amount: 35900, currency: 'CNY', description: 'Return and full refund; merchant pays return shipping.' },
    violationType: 'not_as_described',
    explanation: 'Daylight photos confirm the colour differs from the listing.',
    decidedAt: '2026-11-18T11:00:00.000Z',
  },
});
export type PlatformArbitrationDecidedV1 = Static<typeof PlatformArbitrationDecidedEventV1.schema>;

/** Remedies (proposed, approved above a threshold), the resolution, and the follow-up with the customer. */

export const DisputeRemedyProposedEventV1 = defineEvent({
  type: 'DisputeRemedyProposed',
  version: 1,
  service: 'dispute',
  description:
    "An agent proposed a remedy. When its money part is above the rulebook threshold it needs a supervisor's approval before it can resolve the case.",
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      remedyId: Id('Id of the proposal, unique within the case'),
      remedy: Remedy,
      proposedBy: Id('Agent (工号) who proposed'),
      requiresSupervisorApproval: Type.Boolean({ description: 'True when the amount is above approvalThreshold' }),
      approvalThreshold: Money('Amount above which a supervisor must approve, from the rulebook'),
      rulebookVersion: RulebookVersion('Rulebook version the threshold was read from'),
      proposedAt: Timestamp('When the remedy was proposed'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    remedyId: 'rm-1',
    remedy: { kind: 'compensation', amount: 89700, currency: 'CNY', description: 'Refund plus three times the goods price.' },
    proposedBy: 'cs-012',
    requiresSupervisorApproval: true,
    approvalThreshold: 20000,
    rulebookVersion: '2026-12-v4',
    proposedAt: '2026-11-20T10:00:00.000Z',
  },
});
export type DisputeRemedyProposedV1 = Static<typeof DisputeRemedyProposedEventV1.schema>;

export const DisputeRemedyApprovedEventV1 = defineEvent({
  type: 'DisputeRemedyApproved',
  version: 1,
  service: 'dispute',
  description: 'A supervisor approved a proposed remedy.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      remedyId: Id('Proposal approved'),
      approverId: Id('Supervisor who approved'),
      approvedAt: Timestamp('When the supervisor approved'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    remedyId: 'rm-1',
    approverId: 'sup-07',
    approvedAt: '2026-11-21T08:10:00.000Z',
  },
});
export type DisputeRemedyApprovedV1 = Static<typeof DisputeRemedyApprovedEventV1.schema>;

export const DisputeRemedyRejectedEventV1 = defineEvent({
  type: 'DisputeRemedyRejected',
  version: 1,
  service: 'dispute',
  description: 'A supervisor refused a proposed remedy; the agent may propose another.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      remedyId: Id('Proposal refused'),
      approverId: Id('Supervisor who refused'),
      reason: Text('Why the supervisor refused', 1000),
      rejectedAt: Timestamp('When the supervisor refused'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-5512ee',
    orderId: 'ord-20261105-0010',
    remedyId: 'rm-1',
    approverId: 'sup-07',
    reason: 'Offer a partial refund instead of a goodwill credit.',
    rejectedAt: '2026-11-21T08:20:00.000Z',
  },
});
export type DisputeRemedyRejectedV1 = Static<typeof DisputeRemedyRejectedEventV1.schema>;

export const DisputeOutcomes = ['justified', 'unjustified'] as const;
export const DisputeResolvers = ['merchant', 'supervisor', 'platform'] as const;

export const DisputeResolvedEventV1 = defineEvent({
  type: 'DisputeResolved',
  version: 1,
  service: 'dispute',
  description:
    'The case was settled. A justified complaint carries its remedy (the refund service acts on its money part); an unjustified one carries the explanation and the evidence behind it.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      outcome: OneOf(DisputeOutcomes, 'Whether the complaint was justified'),
      remedyId: Type.Optional(Id('Approved or accepted proposal applied, for a justified complaint')),
      remedy: Type.Optional(Remedy),
      explanation: Text('Explanation given to the customer', 4000),
      evidence: Type.Array(Evidence, { description: 'Evidence the resolution rests on; may be empty' }),
      resolvedBy: OneOf(DisputeResolvers, "Who settled it: the merchant's team, a supervisor or a platform ruling"),
      followUpDueBy: Type.Optional(Timestamp('When the customer should be contacted again, if a follow-up is due')),
      resolvedAt: Timestamp('When the case was resolved'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    outcome: 'justified',
    remedyId: 'rm-1',
    remedy: { kind: 'compensation', amount: 89700, currency: 'CNY', description: 'Refund plus three times the goods price.' },
    explanation: 'The brand confirmed the item is not genuine; we apologise and compensate.',
    evidence: [{ kind: 'document', ref: 'media/dp-77a0c3/brand-letter.pdf' }],
    resolvedBy: 'supervisor',
    followUpDueBy: '2026-11-24T08:10:00.000Z',
    resolvedAt: '2026-11-21T08:10:00.000Z',
  },
});
export type DisputeResolvedV1 = Static<typeof DisputeResolvedEventV1.schema>;

export const DisputeFollowedUpEventV1 = defineEvent({
  type: 'DisputeFollowedUp',
  version: 1,
  service: 'dispute',
  description: 'The customer was contacted after the resolution; their satisfaction is recorded when they answered.',
  schema: Type.Object(
    {
      disputeId: Id('Id of the case'),
      orderId: Id('Order the case is about (partition key)'),
      agentId: Id('Agent (工号) who followed up'),
      reached: Type.Boolean({ description: 'True when the customer could be reached' }),
      satisfaction: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 5, description: 'Customer satisfaction, 1 (very unhappy) to 5 (very happy)' }),
      ),
      note: Type.Optional(Text('What the customer said', 2000)),
      followedUpAt: Timestamp('When the follow-up happened'),
    },
    { additionalProperties: false },
  ),
  example: {
    disputeId: 'dp-77a0c3',
    orderId: 'ord-20261105-0009',
    agentId: 'cs-012',
    reached: true,
    satisfaction: 4,
    note: 'Money received; would have preferred a faster answer.',
    followedUpAt: '2026-11-24T09:00:00.000Z',
  },
});
export type DisputeFollowedUpV1 = Static<typeof DisputeFollowedUpEventV1.schema>;

/** Superseded and retired dispute event versions, still registered for readers. */
export const supersededDisputeEvents = [
  DisputeOpenedEventV1,
  DisputeInvestigationNotedEventV1,
  DisputeClassifiedEventV1,
  DisputeEscalatedToSupervisorEventV1,
  DisputeClosedEventV1,
  DisputeEvidenceRequestedEventV1,
  DisputeEvidenceSubmittedEventV1,
  DisputeEvidenceOverdueEventV1,
  PlatformArbitrationRequestedEventV1,
  PlatformArbitrationDecidedEventV1,
  DisputeRemedyProposedEventV1,
  DisputeRemedyApprovedEventV1,
  DisputeRemedyRejectedEventV1,
  DisputeResolvedEventV1,
  DisputeFollowedUpEventV1,
] as const;
