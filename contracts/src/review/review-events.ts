import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { ContentViolations, ReviewRatingSchema, ReviewScore } from './vocabulary';

/** A buyer's review of a completed order (stream `review-<reviewId>`), its moderation, explanation and revision. */

export const ReviewPostedEvent = defineEvent({
  type: 'ReviewPosted',
  version: 1,
  service: 'review',
  description:
    'The buyer reviewed a completed order within the review window. A neutral or negative review may be revised upwards once until revisableUntil.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop reviewed'),
      buyerId: Id('Buyer who reviewed'),
      rating: ReviewRatingSchema,
      score: ReviewScore,
      text: Type.String({ maxLength: 2000, description: 'Review text; may be empty' }),
      skus: Type.Array(Id('A reviewed SKU'), { description: 'Order lines the review is about; empty means the whole order' }),
      postedAt: Timestamp('When the review was published'),
      revisableUntil: Type.Optional(Timestamp('Last moment a neutral or negative review can be revised')),
      rulebookVersion: RulebookVersion('Rulebook version of the review window and the revision window'),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rv-ord-20261105-0011',
    orderId: 'ord-20261105-0011',
    shopId: 'shop-88',
    buyerId: 'buyer-8192',
    rating: 'negative',
    score: 2,
    text: 'Arrived late and the box was crushed.',
    skus: ['LAMP-DESK-01'],
    postedAt: '2026-11-19T20:00:00.000Z',
    revisableUntil: '2026-12-19T20:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type ReviewPosted = Static<typeof ReviewPostedEvent.schema>;

export const ModeratedContents = ['review', 'revision', 'explanation'] as const;

export const ReviewContentRejectedEvent = defineEvent({
  type: 'ReviewContentRejected',
  version: 1,
  service: 'review',
  description:
    'Submitted review text (a review, a revision or a merchant explanation) broke the content rules (ads, contact details, links, promotion of other shops) and was not published.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review concerned'),
      orderId: Id('Order reviewed (partition key)'),
      content: OneOf(ModeratedContents, 'Which text was rejected'),
      violations: Type.Array(OneOf(ContentViolations, 'A content rule broken'), {
        minItems: 1,
        description: 'Every content rule the text broke',
      }),
      matches: Type.Array(Text('An offending fragment of the text', 200), {
        description: 'The fragments that broke the rules, for the author to fix',
      }),
      rejectedAt: Timestamp('When the text was rejected'),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rv-ord-20261105-0012',
    orderId: 'ord-20261105-0012',
    content: 'review',
    violations: ['contact_details', 'link'],
    matches: ['WeChat: cheaplamps88', 'http://cheap-lamps.example'],
    rejectedAt: '2026-11-19T21:00:00.000Z',
  },
});
export type ReviewContentRejected = Static<typeof ReviewContentRejectedEvent.schema>;

export const ReviewExplanationPostedEvent = defineEvent({
  type: 'ReviewExplanationPosted',
  version: 1,
  service: 'review',
  description: 'The merchant posted its one explanation (解释) under the review.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review'),
      orderId: Id('Order reviewed (partition key)'),
      agentId: Id('Agent (工号) who wrote the explanation'),
      text: Text('The explanation, as published', 1000),
      postedAt: Timestamp('When the explanation was published'),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rv-ord-20261105-0011',
    orderId: 'ord-20261105-0011',
    agentId: 'cs-031',
    text: 'Sorry for the delay: the carrier lost a day in transit. We have sent a replacement box.',
    postedAt: '2026-11-20T09:00:00.000Z',
  },
});
export type ReviewExplanationPosted = Static<typeof ReviewExplanationPostedEvent.schema>;

export const ReviewRevisedEvent = defineEvent({
  type: 'ReviewRevised',
  version: 1,
  service: 'review',
  description: 'The buyer revised a neutral or negative review, once and only upwards, within the revision window.',
  schema: Type.Object(
    {
      reviewId: Id('Id of the review'),
      orderId: Id('Order reviewed (partition key)'),
      previousRating: ReviewRatingSchema,
      rating: ReviewRatingSchema,
      score: ReviewScore,
      text: Type.String({ maxLength: 2000, description: 'New review text; may be empty' }),
      revisedAt: Timestamp('When the review was revised'),
      rulebookVersion: RulebookVersion('Rulebook version of the revision window'),
    },
    { additionalProperties: false },
  ),
  example: {
    reviewId: 'rv-ord-20261105-0011',
    orderId: 'ord-20261105-0011',
    previousRating: 'negative',
    rating: 'positive',
    score: 4,
    text: 'Shop called me and replaced the box quickly. The lamp itself is fine.',
    revisedAt: '2026-11-22T10:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});
export type ReviewRevised = Static<typeof ReviewRevisedEvent.schema>;

export const reviewLifecycleEvents = [
  ReviewPostedEvent,
  ReviewContentRejectedEvent,
  ReviewExplanationPostedEvent,
  ReviewRevisedEvent,
] as const;
