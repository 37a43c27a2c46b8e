import { Type, type Static } from '@sinclair/typebox';
import { OneOf } from '../common';

/** 好评 +1, 中评 0, 差评 −1. */
export const ReviewRatings = ['positive', 'neutral', 'negative'] as const;
export type ReviewRating = (typeof ReviewRatings)[number];
export const ReviewRatingSchema = OneOf(ReviewRatings, 'positive (好评, +1), neutral (中评, 0) or negative (差评, −1)');

export const ReviewScore = Type.Integer({ minimum: 1, maximum: 5, description: 'Star score from 1 to 5' });

/** What review content may not contain (seed 003, q. 34, 37). */
export const ContentViolations = ['advertising', 'contact_details', 'link', 'other_shop_promotion'] as const;
export type ContentViolation = (typeof ContentViolations)[number];

/** What the moderation rules of the rulebook look for (seed 003, q. 34, 37; domain.md "Moderation"). */
export const ModerationCategories = ['advertising', 'contact_details', 'link', 'other_shop_promotion', 'private_information'] as const;
export type ModerationCategory = (typeof ModerationCategories)[number];

/** Where a review stands: held texts wait for the platform; hidden ones were removed by an upheld malicious appeal. */
export const ReviewStatuses = ['published', 'held', 'rejected', 'hidden'] as const;
export type ReviewStatus = (typeof ReviewStatuses)[number];

/** What happened to a text when it was posted: published at once, or held by a moderation rule for the platform. */
export const PostedTextStatuses = ['published', 'held'] as const;
export type PostedTextStatus = (typeof PostedTextStatuses)[number];
export const PostedTextStatusSchema = OneOf(
  PostedTextStatuses,
  'published at once, or held by a moderation rule until the platform moderates it',
);

/** The texts of a review the moderation rules check, each moderated on its own. */
export const ModeratedTexts = ['review', 'explanation', 'follow_up_review', 'revision'] as const;
export type ModeratedText = (typeof ModeratedTexts)[number];

/** The moderation rule that held a text, and the rulebook it was read from. */
export const ModerationHoldSchema = Type.Object(
  {
    ruleId: Type.String({ minLength: 1, description: 'Id of the moderation rule that matched, e.g. moderation.contact_details.cn_mobile' }),
    category: OneOf(ModerationCategories, 'What the rule looks for'),
    rulebookVersion: Type.String({ minLength: 1, description: 'Rulebook version the rule was read from' }),
  },
  { additionalProperties: false, description: 'The moderation rule that held the text' },
);
export type ModerationHold = Static<typeof ModerationHoldSchema>;

/** A rating with its star score: what a revision moves from and to. */
export const RatedSchema = (description: string) =>
  Type.Object(
    {
      rating: OneOf(ReviewRatings, 'positive (好评, +1), neutral (中评, 0) or negative (差评, −1)'),
      score: Type.Integer({ minimum: 1, maximum: 5, description: 'Star score from 1 to 5' }),
    },
    { additionalProperties: false, description },
  );
