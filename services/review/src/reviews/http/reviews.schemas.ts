import { Type, type Static } from '@sinclair/typebox';
import {
  EvidenceKinds,
  MaliciousReviewGrounds,
  ModeratedTexts,
  ModerationHoldSchema,
  OneOf,
  ReviewRatings,
  ReviewStatuses,
} from '@aftersales/contracts';

const strict = { additionalProperties: false } as const;
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, description });
const Timestamp = Type.String({ format: 'date-time' });
const Rating = OneOf(ReviewRatings, 'positive (好评), neutral (中评) or negative (差评)');
const Score = Type.Integer({ minimum: 1, maximum: 5, description: 'Star score from 1 to 5' });
const Images = Type.Array(Type.String({ minLength: 1, maxLength: 2048, description: 'Where an image is stored (file id or URL)' }), {
  maxItems: 9,
});
/** Lengths are checked against the rulebook's limit (422 review.text); the schema only bounds what is read. */
const ReviewText = (description: string) => Type.String({ maxLength: 2000, description });
const TextStatus = OneOf(['published', 'held', 'rejected'] as const, 'published, held by a moderation rule, or rejected by the platform');

export const PostReviewBody = Type.Object(
  {
    orderId: Type.String({ minLength: 1, maxLength: 128, description: 'Order reviewed (completed, the caller its buyer)' }),
    rating: Rating,
    score: Score,
    text: Type.Optional(ReviewText('Needed for neutral and negative reviews; at most the rulebook limit (500)')),
    images: Type.Optional(Images),
  },
  strict,
);
export type PostReviewBody = Static<typeof PostReviewBody>;

export const ModerationBody = Type.Object(
  {
    decision: OneOf(['publish', 'reject'] as const, 'publish or reject the held text'),
    reason: text(1000, 'Why'),
    content: Type.Optional(
      OneOf(ModeratedTexts, 'Which held text; default the first held (review, explanation, follow-up review, revision)'),
    ),
  },
  strict,
);
export type ModerationBody = Static<typeof ModerationBody>;

export const ExplanationBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 2000, description: "The shop's explanation" }) },
  strict,
);
export type ExplanationBody = Static<typeof ExplanationBody>;

export const FollowUpReviewBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 2000, description: 'The follow-up review (追评)' }), images: Type.Optional(Images) },
  strict,
);
export type FollowUpReviewBody = Static<typeof FollowUpReviewBody>;

export const RevisionBody = Type.Object({ rating: Rating, score: Score, text: Type.Optional(ReviewText('The new text, if any')) }, strict);
export type RevisionBody = Static<typeof RevisionBody>;

export const AppealBody = Type.Object(
  {
    reason: text(4000, 'Why the review is malicious'),
    grounds: Type.Optional(OneOf(MaliciousReviewGrounds, 'The kind of malice')),
    evidence: Type.Array(
      Type.Object(
        {
          kind: OneOf(EvidenceKinds, 'What sort of evidence this is'),
          ref: Type.String({ minLength: 1, maxLength: 2048, description: 'Where the evidence is stored' }),
          note: Type.Optional(text(500, 'What it shows')),
        },
        strict,
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  strict,
);
export type AppealBody = Static<typeof AppealBody>;

export const AppealDecisionBody = Type.Object(
  { upheld: Type.Boolean({ description: 'True hides the review' }), reason: text(4000, 'Why') },
  strict,
);
export type AppealDecisionBody = Static<typeof AppealDecisionBody>;

export const ListReviewsParams = Type.Object(
  {
    shopId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'One shop (shop staff: one of theirs)' })),
    rating: Type.Optional(Rating),
    status: Type.Optional(OneOf(ReviewStatuses, 'Where the review stands (held: waiting for moderation)')),
    moderation: Type.Optional(Type.Literal('pending', { description: 'pending: a text of the review (itself, explanation, follow-up review, revision) is held for the platform' })),
    appeal: Type.Optional(Type.Literal('pending', { description: 'pending: the shop’s appeal waits for the platform’s decision' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  },
  strict,
);
export type ListReviewsParams = Static<typeof ListReviewsParams>;

export const ListShopReviewsParams = Type.Object(
  {
    rating: Type.Optional(Rating),
    status: Type.Optional(OneOf(ReviewStatuses, 'Where the review stands')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  },
  strict,
);
export type ListShopReviewsParams = Static<typeof ListShopReviewsParams>;

const Rated = Type.Object({ rating: Rating, score: Score });
const AddedText = {
  text: Type.String(),
  status: TextStatus,
  hold: Type.Optional(ModerationHoldSchema),
  postedAt: Timestamp,
};

/** A review as api.md shows it; `counted`: published and not hidden. */
export const ReviewViewSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  shopId: Type.String(),
  buyerId: Type.String(),
  rating: Rating,
  score: Score,
  text: Type.String({ description: 'Empty when the caller may not see it (held or rejected, for others than the buyer and the platform)' }),
  images: Images,
  status: OneOf(ReviewStatuses, 'Where the review stands'),
  counted: Type.Boolean({ description: "Counted in the shop's rating: published, not held, rejected nor hidden" }),
  postedAt: Timestamp,
  completedAt: Timestamp,
  moderation: Type.Optional(
    Type.Object({
      hold: Type.Optional(ModerationHoldSchema),
      decision: Type.Optional(OneOf(['publish', 'reject'] as const, "The platform's decision")),
      reason: Type.Optional(Type.String()),
      moderatorId: Type.Optional(Type.String()),
      moderatedAt: Type.Optional(Timestamp),
    }),
  ),
  explanation: Type.Optional(Type.Object({ ...AddedText, agentId: Type.String() })),
  followUpReview: Type.Optional(Type.Object(AddedText)),
  revisions: Type.Array(
    Type.Object({
      from: Rated,
      to: Rated,
      text: Type.Optional(Type.String()),
      textStatus: Type.Optional(TextStatus),
      hold: Type.Optional(ModerationHoldSchema),
      revisedAt: Timestamp,
    }),
  ),
  appeal: Type.Optional(
    Type.Object({
      appealId: Type.String(),
      status: OneOf(['pending', 'upheld', 'dismissed'] as const, 'Where the appeal stands'),
      reason: Type.String(),
      evidence: Type.Array(Type.Object({ kind: Type.String(), ref: Type.String(), description: Type.Optional(Type.String()) })),
      filedAt: Timestamp,
      decision: Type.Optional(
        Type.Object({ upheld: Type.Boolean(), reason: Type.String(), arbitratorId: Type.String(), decidedAt: Timestamp }),
      ),
    }),
  ),
  revision: Type.Integer(),
});

export const ReviewListSchema = Type.Object({ items: Type.Array(ReviewViewSchema), nextCursor: Type.Optional(Type.String()) });
