import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, Money, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { ReviewRatingSchema } from './vocabulary';

/** Bad-review follow-up (中差评处理, stream `review-follow-up-<followUpId>`): contact the buyer, find the cause, solve it. */

/** v1 (superseded by v2, which records its deadlines, rules and cause): still read. */
export const ReviewFollowUpOpenedEventV1 = defineEvent({
  type: 'ReviewFollowUpOpened',
  version: 1,
  service: 'review',
  description: "A neutral or negative review put a follow-up case in an agent's queue.",
  schema: Type.Object(
    {
      followUpId: Id('Id of the follow-up case'),
      reviewId: Id('Review followed up'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop reviewed'),
      buyerId: Id('Buyer to contact'),
      rating: ReviewRatingSchema,
      assigneeId: Type.Optional(Id('Agent (工号) assigned, when already known')),
      openedAt: Timestamp('When the follow-up was opened'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'fu-rv-ord-20261105-0011',
    reviewId: 'rv-ord-20261105-0011',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    rating: 'negative',
    assigneeId: 'cs-031',
    openedAt: '2026-11-19T20:00:01.000Z',
  },
});
export type ReviewFollowUpOpenedV1 = Static<typeof ReviewFollowUpOpenedEventV1.schema>;

export const ContactChannels = ['phone', 'chat', 'message', 'email'] as const;
export const BadReviewCauses = ['product_quality', 'logistics', 'service', 'not_as_described', 'price', 'other'] as const;

/** v1 (superseded by v2, which names the shop and whether the first-contact deadline was met): still read. */
export const ReviewFollowUpBuyerContactedEventV1 = defineEvent({
  type: 'ReviewFollowUpBuyerContacted',
  version: 1,
  service: 'review',
  description: 'An agent tried to reach the buyer about the review and, when reached, recorded the cause.',
  schema: Type.Object(
    {
      followUpId: Id('Id of the follow-up case'),
      reviewId: Id('Review followed up'),
      orderId: Id('Order reviewed (partition key)'),
      agentId: Id('Agent (工号) who made contact'),
      channel: OneOf(ContactChannels, 'How the buyer was contacted'),
      reached: Type.Boolean({ description: 'True when the buyer answered' }),
      cause: Type.Optional(OneOf(BadReviewCauses, 'Cause of the bad review as found with the buyer')),
      note: Type.Optional(Text('What was said', 2000)),
      contactedAt: Timestamp('When the contact happened'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'fu-rv-ord-20261105-0011',
    reviewId: 'rv-ord-20261105-0011',
    orderId: 'ord-20261105-0011',
    agentId: 'cs-031',
    channel: 'phone',
    reached: true,
    cause: 'logistics',
    note: 'Box crushed in transit; lamp works. Offered a new box.',
    contactedAt: '2026-11-20T08:30:00.000Z',
  },
});
export type ReviewFollowUpBuyerContactedV1 = Static<typeof ReviewFollowUpBuyerContactedEventV1.schema>;

export const FollowUpOutcomes = ['review_revised', 'buyer_satisfied', 'buyer_unreachable', 'unresolved', 'appealed_as_malicious'] as const;

/** Retired: a follow-up now ends with ReviewFollowUpClosed (outcomes explained, unresolved, appealed, revised). Still read. */
export const ReviewFollowUpResolvedEvent = defineEvent({
  type: 'ReviewFollowUpResolved',
  version: 1,
  service: 'review',
  description: 'The follow-up case ended, with its outcome and any remedy given.',
  schema: Type.Object(
    {
      followUpId: Id('Id of the follow-up case'),
      reviewId: Id('Review followed up'),
      orderId: Id('Order reviewed (partition key)'),
      outcome: OneOf(FollowUpOutcomes, 'How the follow-up ended'),
      compensationId: Type.Optional(Id('Goodwill compensation given, if any')),
      disputeId: Type.Optional(Id('Complaint case opened from the follow-up, if any')),
      note: Type.Optional(Text('Closing remark', 2000)),
      resolvedAt: Timestamp('When the follow-up ended'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'fu-rv-ord-20261105-0011',
    reviewId: 'rv-ord-20261105-0011',
    orderId: 'ord-20261105-0011',
    outcome: 'review_revised',
    note: 'Buyer revised to positive after the replacement box.',
    resolvedAt: '2026-11-22T10:05:00.000Z',
  },
});
export type ReviewFollowUpResolved = Static<typeof ReviewFollowUpResolvedEvent.schema>;


// ---------------------------------------------------------------------------------------------------------------
// Written today (stream `review-follow-up-<followUpId>`, id `rfu_<hash of the review id>`).

const FollowUpKeys = {
  followUpId: Id('Id of the follow-up case (rfu_…)'),
  reviewId: Id('Review followed up'),
  orderId: Id('Order reviewed (partition key)'),
  shopId: Id('Shop reviewed'),
};
const RuleId = (example: string) => Type.String({ minLength: 1, description: `Id of the rulebook rule, e.g. ${example}` });

export const FollowUpMetrics = ['first_contact', 'resolution'] as const;
export type FollowUpMetric = (typeof FollowUpMetrics)[number];
export const FollowUpChannels = ['chat', 'phone', 'message'] as const;
export type FollowUpChannel = (typeof FollowUpChannels)[number];
export const FollowUpRemedyKinds = ['goodwill_credit', 'resend', 'partial_refund', 'explanation'] as const;
export type FollowUpRemedyKind = (typeof FollowUpRemedyKinds)[number];
export const FollowUpClosingOutcomes = ['explained', 'unresolved', 'appealed', 'revised'] as const;
export type FollowUpClosingOutcome = (typeof FollowUpClosingOutcomes)[number];

export const ReviewFollowUpOpenedEvent = defineEvent({
  type: 'ReviewFollowUpOpened',
  version: 2,
  service: 'review',
  description:
    "A neutral or negative review was published: a follow-up case is in the shop's work queue, with its first-contact and resolution deadlines from the rulebook (durable timers fire at each).",
  schema: Type.Object(
    {
      ...FollowUpKeys,
      buyerId: Id('Buyer to contact'),
      rating: ReviewRatingSchema,
      deadlines: Type.Object(
        {
          firstContactBy: Timestamp('The buyer must be contacted by then'),
          resolveBy: Timestamp('The follow-up must be closed by then'),
        },
        { additionalProperties: false, description: 'The deadlines the rulebook sets from the opening' },
      ),
      ruleIds: Type.Object(
        {
          firstContact: RuleId('review_follow_up.first_contact'),
          resolution: RuleId('review_follow_up.resolution'),
        },
        { additionalProperties: false, description: 'The rules that set each deadline' },
      ),
      rulebookVersion: RulebookVersion('Rulebook version the deadlines were computed from'),
      basedOn: Type.Array(Id('Event id'), { minItems: 1, description: 'The review event (posted, or published by the platform) that opened it' }),
      openedAt: Timestamp('When the follow-up was opened'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    rating: 'negative',
    deadlines: { firstContactBy: '2026-11-20T20:00:00.000Z', resolveBy: '2026-11-22T20:00:00.000Z' },
    ruleIds: { firstContact: 'review_follow_up.first_contact', resolution: 'review_follow_up.resolution' },
    rulebookVersion: '2026-12-v5',
    basedOn: ['01937a7e-7d1c-7000-8000-000000000011'],
    openedAt: '2026-11-19T20:00:00.000Z',
  },
});
export type ReviewFollowUpOpened = Static<typeof ReviewFollowUpOpenedEvent.schema>;

export const ReviewFollowUpSlaBreachedEvent = defineEvent({
  type: 'ReviewFollowUpSlaBreached',
  version: 1,
  service: 'review',
  description:
    "A deadline of the follow-up passed while it still ran (recorded by its timer, once per deadline). The supervisor's overdue view and the shop's figures are built from these.",
  schema: Type.Object(
    {
      ...FollowUpKeys,
      metric: OneOf(FollowUpMetrics, 'Which deadline passed'),
      dueAt: Timestamp('The deadline that passed'),
      breachedAt: Timestamp('When the breach was recorded'),
      ruleId: RuleId('review_follow_up.first_contact'),
      rulebookVersion: RulebookVersion('Rulebook version that set the deadline'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    metric: 'first_contact',
    dueAt: '2026-11-20T20:00:00.000Z',
    breachedAt: '2026-11-20T20:00:00.000Z',
    ruleId: 'review_follow_up.first_contact',
    rulebookVersion: '2026-12-v5',
  },
});
export type ReviewFollowUpSlaBreached = Static<typeof ReviewFollowUpSlaBreachedEvent.schema>;

export const ReviewFollowUpBuyerContactedEvent = defineEvent({
  type: 'ReviewFollowUpBuyerContacted',
  version: 2,
  service: 'review',
  description: 'The shop made its first contact with the buyer about the review; the first-contact deadline stops running.',
  schema: Type.Object(
    {
      ...FollowUpKeys,
      agentId: Id('Agent (工号) who made contact'),
      channel: OneOf(FollowUpChannels, 'How the buyer was contacted'),
      note: Text('What was said', 2000),
      firstContactBy: Timestamp('The first-contact deadline'),
      withinDeadline: Type.Boolean({ description: 'True when the contact came by the first-contact deadline' }),
      contactedAt: Timestamp('When the contact happened'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    agentId: 'cs-031',
    channel: 'phone',
    note: 'Box crushed in transit; lamp works. Offered a new box.',
    firstContactBy: '2026-11-20T20:00:00.000Z',
    withinDeadline: true,
    contactedAt: '2026-11-20T08:30:00.000Z',
  },
});
export type ReviewFollowUpBuyerContacted = Static<typeof ReviewFollowUpBuyerContactedEvent.schema>;

export const ReviewFollowUpRemedyProposedEvent = defineEvent({
  type: 'ReviewFollowUpRemedyProposed',
  version: 1,
  service: 'review',
  description:
    "The shop offered the buyer a remedy. A goodwill credit above the rulebook threshold waits for a supervisor's approval; every other remedy is granted at once (ReviewFollowUpRemedyGranted).",
  schema: Type.Object(
    {
      ...FollowUpKeys,
      remedyId: Id('Id of the remedy, unique within the follow-up'),
      kind: OneOf(FollowUpRemedyKinds, 'What the buyer gets'),
      amount: Type.Optional(Money('Money part (goodwill credit, partial refund), in minor units')),
      currency: Currency,
      note: Text('The remedy as explained to the buyer', 1000),
      requiresSupervisorApproval: Type.Boolean({ description: 'True when a goodwill credit is above the approval threshold' }),
      approvalThreshold: Money('Amount above which a supervisor must approve a goodwill credit, from the rulebook'),
      ruleId: RuleId('review_follow_up.goodwill_approval'),
      rulebookVersion: RulebookVersion('Rulebook version the threshold was read from'),
      proposedBy: Id('Staff member who proposed'),
      proposedAt: Timestamp('When the remedy was proposed'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    remedyId: 'rem-1',
    kind: 'goodwill_credit',
    amount: 1000,
    currency: 'CNY',
    note: 'A 10 CNY credit for the crushed box.',
    requiresSupervisorApproval: false,
    approvalThreshold: 20000,
    ruleId: 'review_follow_up.goodwill_approval',
    rulebookVersion: '2026-12-v5',
    proposedBy: 'cs-031',
    proposedAt: '2026-11-20T08:40:00.000Z',
  },
});
export type ReviewFollowUpRemedyProposed = Static<typeof ReviewFollowUpRemedyProposedEvent.schema>;

export const ReviewFollowUpRemedyApprovedEvent = defineEvent({
  type: 'ReviewFollowUpRemedyApproved',
  version: 1,
  service: 'review',
  description: 'A supervisor approved a goodwill credit above the threshold; it is granted with this event.',
  schema: Type.Object(
    {
      ...FollowUpKeys,
      remedyId: Id('Remedy approved'),
      approverId: Id('Supervisor who approved'),
      approvedAt: Timestamp('When the supervisor approved'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    remedyId: 'rem-2',
    approverId: 'sup-07',
    approvedAt: '2026-11-20T09:10:00.000Z',
  },
});
export type ReviewFollowUpRemedyApproved = Static<typeof ReviewFollowUpRemedyApprovedEvent.schema>;

export const ReviewFollowUpRemedyRejectedEvent = defineEvent({
  type: 'ReviewFollowUpRemedyRejected',
  version: 1,
  service: 'review',
  description: 'A supervisor refused a goodwill credit above the threshold; the shop may offer another remedy.',
  schema: Type.Object(
    {
      ...FollowUpKeys,
      remedyId: Id('Remedy refused'),
      approverId: Id('Supervisor who refused'),
      reason: Text('Why the supervisor refused', 1000),
      rejectedAt: Timestamp('When the supervisor refused'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    remedyId: 'rem-2',
    approverId: 'sup-07',
    reason: 'Resend the item instead.',
    rejectedAt: '2026-11-20T09:10:00.000Z',
  },
});
export type ReviewFollowUpRemedyRejected = Static<typeof ReviewFollowUpRemedyRejectedEvent.schema>;

export const ReviewFollowUpRemedyGrantedEvent = defineEvent({
  type: 'ReviewFollowUpRemedyGranted',
  version: 1,
  service: 'review',
  description:
    'A remedy is granted to the buyer. The refund service carries out its money part once per remedy: a goodwill credit is a compensation decision, a partial refund a refund, each naming the follow-up as its cause.',
  schema: Type.Object(
    {
      ...FollowUpKeys,
      buyerId: Id('Buyer who gets the remedy'),
      remedyId: Id('Remedy granted'),
      kind: OneOf(FollowUpRemedyKinds, 'What the buyer gets'),
      amount: Type.Optional(Money('Money part (goodwill credit, partial refund), in minor units')),
      currency: Currency,
      approverId: Type.Optional(Id('Supervisor who approved, when the remedy needed approval')),
      ruleId: RuleId('review_follow_up.goodwill_approval'),
      rulebookVersion: RulebookVersion('Rulebook version the approval threshold was read from'),
      basedOn: Type.Array(Id('Event id'), { minItems: 1, description: 'The proposal (and approval) events the grant is based on' }),
      grantedAt: Timestamp('When the remedy was granted'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    remedyId: 'rem-1',
    kind: 'goodwill_credit',
    amount: 1000,
    currency: 'CNY',
    ruleId: 'review_follow_up.goodwill_approval',
    rulebookVersion: '2026-12-v5',
    basedOn: ['01937a7e-7d1c-7000-8000-000000000021'],
    grantedAt: '2026-11-20T08:40:00.000Z',
  },
});
export type ReviewFollowUpRemedyGranted = Static<typeof ReviewFollowUpRemedyGrantedEvent.schema>;

export const ReviewFollowUpRemedyRefusedEvent = defineEvent({
  type: 'ReviewFollowUpRemedyRefused',
  version: 1,
  service: 'review',
  description:
    'The refund service refused to pay a partial refund granted in the follow-up (FollowUpRefundRefused): the order could no longer refund that much and nothing was paid. The shop may offer a smaller partial refund instead.',
  schema: Type.Object(
    {
      ...FollowUpKeys,
      buyerId: Id('Buyer the remedy was granted to'),
      remedyId: Id('Remedy refused'),
      kind: OneOf(FollowUpRemedyKinds, 'What the buyer was granted (partial_refund)'),
      amount: Money('What the remedy granted, in minor units'),
      refundable: Money('What the order could still refund when it was refused, in minor units'),
      currency: Currency,
      ruleId: RuleId('refund.amount_exceeds_refundable'),
      explanation: Text('Why nothing was paid, in words (from the refund service)', 1000),
      refundId: Id('The refund it would have been'),
      basedOn: Type.Array(Id('Event id'), { minItems: 1, description: 'The FollowUpRefundRefused event this records' }),
      refusedAt: Timestamp('When the refund service refused it'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    remedyId: 'rem-1',
    kind: 'partial_refund',
    amount: 15000,
    refundable: 10000,
    currency: 'CNY',
    ruleId: 'refund.amount_exceeds_refundable',
    explanation: 'partial refund rem-1 of review follow-up rfu_5e0c2a91d4b7 asks 15000; the order can still refund 10000: nothing paid',
    refundId: 'rfd_rfu_5e0c2a91d4b7_rem-1',
    basedOn: ['0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d10'],
    refusedAt: '2026-11-20T08:40:02.000Z',
  },
});
export type ReviewFollowUpRemedyRefused = Static<typeof ReviewFollowUpRemedyRefusedEvent.schema>;

export const ReviewFollowUpRemedyPaidEvent = defineEvent({
  type: 'ReviewFollowUpRemedyPaid',
  version: 1,
  service: 'review',
  description:
    'The refund service paid a partial refund granted in the follow-up (RefundFollowUpResolved): the remedy is carried out through the named refund.',
  schema: Type.Object(
    {
      ...FollowUpKeys,
      buyerId: Id('Buyer the refund pays'),
      remedyId: Id('Remedy paid'),
      kind: OneOf(FollowUpRemedyKinds, 'What the buyer was granted (partial_refund)'),
      amount: Money('What the refund pays, in minor units'),
      currency: Currency,
      refundId: Id('The refund that pays it'),
      basedOn: Type.Array(Id('Event id'), { minItems: 1, description: 'The RefundFollowUpResolved event this records' }),
      paidAt: Timestamp('When the refund service opened the refund that pays it'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    remedyId: 'rem-1',
    kind: 'partial_refund',
    amount: 1500,
    currency: 'CNY',
    refundId: 'rfd_rfu_5e0c2a91d4b7_rem-1',
    basedOn: ['0b6f7c1e-6a52-4c0e-9d8e-2f4a1c9b7d11'],
    paidAt: '2026-11-20T08:40:02.000Z',
  },
});
export type ReviewFollowUpRemedyPaid = Static<typeof ReviewFollowUpRemedyPaidEvent.schema>;

export const ReviewFollowUpClosedEvent = defineEvent({
  type: 'ReviewFollowUpClosed',
  version: 1,
  service: 'review',
  description:
    "The follow-up ended: the shop closed it (explained, unresolved, appealed as malicious) or the buyer's upward revision closed it as revised. Its deadlines stop running.",
  schema: Type.Object(
    {
      ...FollowUpKeys,
      outcome: OneOf(FollowUpClosingOutcomes, 'How the follow-up ended'),
      note: Type.Optional(Text('Closing remark', 2000)),
      closedBy: Id('Staff member who closed it, or system when a revision closed it'),
      withinDeadline: Type.Boolean({ description: 'True when closed by the resolution deadline' }),
      basedOn: Type.Array(Id('Event id'), { description: 'The revision event, when a revision closed it' }),
      closedAt: Timestamp('When the follow-up ended'),
    },
    { additionalProperties: false },
  ),
  example: {
    followUpId: 'rfu_5e0c2a91d4b7',
    reviewId: 'rev_8f1a20',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    outcome: 'revised',
    closedBy: 'system',
    withinDeadline: true,
    basedOn: ['01937a7e-7d1c-7000-8000-000000000031'],
    closedAt: '2026-11-22T10:05:00.000Z',
  },
});
export type ReviewFollowUpClosed = Static<typeof ReviewFollowUpClosedEvent.schema>;

/** The follow-up events in the version written today: what the follow-up decider emits and folds. */
export const currentReviewFollowUpEvents = [
  ReviewFollowUpOpenedEvent,
  ReviewFollowUpSlaBreachedEvent,
  ReviewFollowUpBuyerContactedEvent,
  ReviewFollowUpRemedyProposedEvent,
  ReviewFollowUpRemedyApprovedEvent,
  ReviewFollowUpRemedyRejectedEvent,
  ReviewFollowUpRemedyGrantedEvent,
  ReviewFollowUpRemedyRefusedEvent,
  ReviewFollowUpRemedyPaidEvent,
  ReviewFollowUpClosedEvent,
] as const;

/** Published versions no longer written, still read. */
export const supersededReviewFollowUpEvents = [
  ReviewFollowUpOpenedEventV1,
  ReviewFollowUpBuyerContactedEventV1,
  ReviewFollowUpResolvedEvent,
] as const;

/** Every follow-up definition: today's versions, then the superseded ones. */
export const reviewFollowUpEvents = [...currentReviewFollowUpEvents, ...supersededReviewFollowUpEvents] as const;
