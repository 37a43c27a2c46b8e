import { Type, type Static } from '@sinclair/typebox';
import { Evidence, Id, OneOf, RulebookVersion, Text, Timestamp } from '../common';
import { MaliciousReviewGrounds } from './appeal-events';
import { defineEvent } from '../define-event';
import { ContentViolations, ReviewRatingSchema, ReviewScore } from './vocabulary';

/**
 * Published review versions the review service no longer writes: v1 of the types it writes a newer version of
 * (posting, explanation and revision now say whether the text was published or held by a moderation rule), and the
 * type it retired (ReviewContentRejected: a text breaking the content rules is held for the platform, never refused), and v1 of the
 * malicious-review appeal (v2 names the agent and makes the grounds optional).
 * They stay in the catalogue so published events keep validating and reading.
 */

export const ReviewPostedEventV1 = defineEvent({
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
export type ReviewPostedV1 = Static<typeof ReviewPostedEventV1.schema>;

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

export const ReviewExplanationPostedEventV1 = defineEvent({
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
export type ReviewExplanationPostedV1 = Static<typeof ReviewExplanationPostedEventV1.schema>;

export const ReviewRevisedEventV1 = defineEvent({
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
export type ReviewRevisedV1 = Static<typeof ReviewRevisedEventV1.schema>;

export const MaliciousReviewAppealFiledEventV1 = defineEvent({
  type: 'MaliciousReviewAppealFiled',
  version: 1,
  service: 'review',
  description: 'The merchant appealed a review as malicious (e.g. written to extort a benefit), with evidence.',
  schema: Type.Object(
    {
      appealId: Id('Id of the appeal'),
      reviewId: Id('Review appealed'),
      orderId: Id('Order reviewed (partition key)'),
      shopId: Id('Shop that appeals'),
      grounds: OneOf(MaliciousReviewGrounds, 'Why the review is malicious'),
      description: Text("The merchant's account", 4000),
      evidence: Type.Array(Evidence, { minItems: 1, description: 'Evidence such as chat logs showing the demand' }),
      filedAt: Timestamp('When the appeal was filed'),
    },
    { additionalProperties: false },
  ),
  example: {
    appealId: 'ap-rv-ord-20261105-0013',
    reviewId: 'rv-ord-20261105-0013',
    orderId: 'ord-20261105-0013',
    shopId: 'shop-88',
    grounds: 'extortion',
    description: 'Buyer demanded 200 CNY to remove the negative review.',
    evidence: [{ kind: 'chat_log', ref: 'media/ap-rv-ord-20261105-0013/chat.png' }],
    filedAt: '2026-11-21T12:00:00.000Z',
  },
});
export type MaliciousReviewAppealFiledV1 = Static<typeof MaliciousReviewAppealFiledEventV1.schema>;

export const supersededReviewEvents = [
  MaliciousReviewAppealFiledEventV1,
  ReviewPostedEventV1,
  ReviewContentRejectedEvent,
  ReviewExplanationPostedEventV1,
  ReviewRevisedEventV1,
] as const;
