import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, Text, Timestamp } from '../common';
import { defineEvent } from '../define-event';
import { ReviewRatingSchema } from './vocabulary';

/** Bad-review follow-up (中差评处理, stream `review-follow-up-<followUpId>`): contact the buyer, find the cause, solve it. */

export const ReviewFollowUpOpenedEvent = defineEvent({
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
export type ReviewFollowUpOpened = Static<typeof ReviewFollowUpOpenedEvent.schema>;

export const ContactChannels = ['phone', 'chat', 'message', 'email'] as const;
export const BadReviewCauses = ['product_quality', 'logistics', 'service', 'not_as_described', 'price', 'other'] as const;

export const ReviewFollowUpBuyerContactedEvent = defineEvent({
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
export type ReviewFollowUpBuyerContacted = Static<typeof ReviewFollowUpBuyerContactedEvent.schema>;

export const FollowUpOutcomes = ['review_revised', 'buyer_satisfied', 'buyer_unreachable', 'unresolved', 'appealed_as_malicious'] as const;

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

export const reviewFollowUpEvents = [ReviewFollowUpOpenedEvent, ReviewFollowUpBuyerContactedEvent, ReviewFollowUpResolvedEvent] as const;
