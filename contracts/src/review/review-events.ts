import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { ModeratedTexts, ModerationHoldSchema, PostedTextStatusSchema, RatedSchema, ReviewRatingSchema, ReviewScore } from './vocabulary';

/**
 * A buyer's review of a completed order (stream `review-<reviewId>`, id `rev_…`, one per order): the review, its
 * moderation, the shop's explanation, the buyer's follow-up review (追评) and upward revision. Every text is checked
 * against the rulebook's moderation rules when posted: one that matches is `held` naming the rule and rulebook version,
 * and waits for the platform's ReviewModerated (never dropped). The buyer's texts are sealed under the buyer's key.
 */

const Images = Type.Array(Type.String({ minLength: 1, maxLength: 2048, description: 'Where an image is stored (file id or URL)' }), {
  maxItems: 9,
  description: 'Images attached; may be empty',
});
const BasedOn = (description: string) => Type.Array(Id('Event id'), { description });

export const ReviewPostedEvent = defineEvent({
  type: 'ReviewPosted',
  version: 2,
  service: 'review',
  description:
    'The buyer reviewed a completed order within the review window. Published at once, or held when a moderation rule matched its text (then not counted until the platform publishes it). A neutral or negative review may be revised upwards once until revisableUntil.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review (rev_…)'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop reviewed'),
      buyerId: Id('Buyer who reviewed'),
      rating: ReviewRatingSchema,
      score: ReviewScore,
      text: Type.String({ maxLength: 2000, description: 'Review text; may be empty for a positive review' }),
      images: Images,
      status: PostedTextStatusSchema,
      hold: Type.Optional(ModerationHoldSchema),
      postedAt: Timestamp('When the review was posted'),
      completedAt: Timestamp('When the order completed: the review, revision and follow-up windows run from here or from postedAt'),
      revisableUntil: Type.Optional(Timestamp('Last moment a neutral or negative review can be revised upwards')),
      rulebookVersion: RulebookVersion('Rulebook version of the review window, the text limit and the moderation rules'),
      basedOn: BasedOn("Ids of the order's completion events the window was computed from"),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rev_5f2a9c0d1e',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    rating: 'negative',
    score: 2,
    text: 'Arrived late and the box was crushed. Call me on 13812345678.',
    images: [],
    status: 'held',
    hold: { ruleId: 'moderation.contact_details.cn_mobile', category: 'contact_details', rulebookVersion: '2026-12-v5' },
    postedAt: '2026-11-19T20:00:00.000Z',
    completedAt: '2026-11-18T09:00:00.000Z',
    revisableUntil: '2026-12-19T20:00:00.000Z',
    rulebookVersion: '2026-12-v5',
    basedOn: ['01937a7e-7d1c-7000-8000-000000000011'],
  },
});
export type ReviewPosted = Static<typeof ReviewPostedEvent.schema>;

export const ReviewModerationDecisions = ['publish', 'reject'] as const;

export const ReviewModeratedEvent = defineEvent({
  type: 'ReviewModerated',
  version: 1,
  service: 'review',
  description:
    'The platform moderated a held text of the review (the review, the explanation, the follow-up review or the revised text): published, or rejected with its reason.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop reviewed'),
      content: OneOf(ModeratedTexts, 'Which held text was moderated'),
      decision: OneOf(ReviewModerationDecisions, 'publish or reject'),
      reason: Text('Why, as the platform recorded it', 1000),
      hold: ModerationHoldSchema,
      moderatorId: Id('Platform agent (小二) who moderated'),
      moderatedAt: Timestamp('When the text was moderated'),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rev_5f2a9c0d1e',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    content: 'review',
    decision: 'publish',
    reason: 'The number is the courier hotline, not a contact detail of the buyer or a shop.',
    hold: { ruleId: 'moderation.contact_details.cn_mobile', category: 'contact_details', rulebookVersion: '2026-12-v5' },
    moderatorId: 'plat-x03',
    moderatedAt: '2026-11-20T08:00:00.000Z',
  },
});
export type ReviewModerated = Static<typeof ReviewModeratedEvent.schema>;

export const ReviewExplanationPostedEvent = defineEvent({
  type: 'ReviewExplanationPosted',
  version: 2,
  service: 'review',
  description:
    'The shop posted its one explanation (解释) under the review, within the explanation window and before any follow-up review; held when a moderation rule matched.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop that explains'),
      agentId: Id('Agent (工号) who wrote the explanation'),
      text: Text('The explanation', 2000),
      status: PostedTextStatusSchema,
      hold: Type.Optional(ModerationHoldSchema),
      postedAt: Timestamp('When the explanation was posted'),
      rulebookVersion: RulebookVersion('Rulebook version of the explanation window, the text limit and the moderation rules'),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rev_5f2a9c0d1e',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    agentId: 'cs-031',
    text: 'Sorry for the delay: the carrier lost a day in transit. We have sent a replacement box.',
    status: 'published',
    postedAt: '2026-11-20T09:00:00.000Z',
    rulebookVersion: '2026-12-v5',
  },
});
export type ReviewExplanationPosted = Static<typeof ReviewExplanationPostedEvent.schema>;

export const FollowUpReviewPostedEvent = defineEvent({
  type: 'FollowUpReviewPosted',
  version: 1,
  service: 'review',
  description:
    'The buyer added the one follow-up review (追评) within its window; held when a moderation rule matched. The shop can no longer explain after it.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop reviewed'),
      buyerId: Id('Buyer who wrote it'),
      text: Text('The follow-up review', 2000),
      images: Images,
      status: PostedTextStatusSchema,
      hold: Type.Optional(ModerationHoldSchema),
      postedAt: Timestamp('When the follow-up review was posted'),
      rulebookVersion: RulebookVersion('Rulebook version of the follow-up window, the text limit and the moderation rules'),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rev_5f2a9c0d1e',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    text: 'Two months on, the lamp still works well.',
    images: [],
    status: 'published',
    postedAt: '2027-01-19T20:00:00.000Z',
    rulebookVersion: '2026-12-v5',
  },
});
export type FollowUpReviewPosted = Static<typeof FollowUpReviewPostedEvent.schema>;

export const ReviewRevisedEvent = defineEvent({
  type: 'ReviewRevised',
  version: 2,
  service: 'review',
  description:
    'The buyer revised a neutral or negative review, once and only upwards, within the revision window. The new rating counts at once; a new text matching a moderation rule is held until the platform moderates it.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop reviewed'),
      buyerId: Id('Buyer who revised'),
      from: RatedSchema('Rating and score before the revision'),
      to: RatedSchema('Rating and score after the revision'),
      text: Type.Optional(Type.String({ maxLength: 2000, description: 'New review text, when the buyer rewrote it' })),
      textStatus: Type.Optional(PostedTextStatusSchema),
      hold: Type.Optional(ModerationHoldSchema),
      revisedAt: Timestamp('When the review was revised'),
      ruleId: Type.String({ minLength: 1, description: 'Rule of the revision window, e.g. review.revision' }),
      rulebookVersion: RulebookVersion('Rulebook version of the revision window'),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rev_5f2a9c0d1e',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    from: { rating: 'negative', score: 2 },
    to: { rating: 'positive', score: 4 },
    text: 'Shop called me and replaced the box quickly. The lamp itself is fine.',
    textStatus: 'published',
    revisedAt: '2026-11-22T10:00:00.000Z',
    ruleId: 'review.revision',
    rulebookVersion: '2026-12-v5',
  },
});
export type ReviewRevised = Static<typeof ReviewRevisedEvent.schema>;

export const reviewLifecycleEvents = [
  ReviewPostedEvent,
  ReviewModeratedEvent,
  ReviewExplanationPostedEvent,
  FollowUpReviewPostedEvent,
  ReviewRevisedEvent,
] as const;
