import { createHash } from 'node:crypto';

/** The follow-up of a review: `rfu_<hash of the review id>`, so every opening of one review finds the same stream. */
export const followUpIdOf = (reviewId: string): string => `rfu_${createHash('sha256').update(reviewId).digest('hex').slice(0, 20)}`;
