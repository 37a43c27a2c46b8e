import { Type } from '@sinclair/typebox';
import { OneOf } from '../common';

/** 好评 +1, 中评 0, 差评 −1. */
export const ReviewRatings = ['positive', 'neutral', 'negative'] as const;
export type ReviewRating = (typeof ReviewRatings)[number];
export const ReviewRatingSchema = OneOf(ReviewRatings, 'positive (好评, +1), neutral (中评, 0) or negative (差评, −1)');

export const ReviewScore = Type.Integer({ minimum: 1, maximum: 5, description: 'Star score from 1 to 5' });

/** What review content may not contain (seed 003, q. 34, 37). */
export const ContentViolations = ['advertising', 'contact_details', 'link', 'other_shop_promotion'] as const;
export type ContentViolation = (typeof ContentViolations)[number];
