import type { ModerationRulebook, Rulebook } from '@aftersales/contracts';

/** Rule ids of refusals (problem+json `rule`), beside the rulebook's own (review.window, review.revision, …). */
export const ReviewRules = {
  orderNotCompleted: 'review.order_not_completed',
  alreadyPosted: 'review.already_posted',
  textRequired: 'review.text_required',
  nothingHeld: 'review.nothing_held',
  notPublished: 'review.not_published',
  explanationOnce: 'review.explanation_once',
  explanationAfterFollowUpReview: 'review.explanation_after_follow_up_review',
  followUpReviewOnce: 'review.follow_up_review_once',
  revisionOnce: 'review.revision_once',
  revisionUpwardsOnly: 'review.revision_upwards_only',
  appealOnce: 'review.appeal_once',
  noAppealPending: 'review.no_appeal_pending',
} as const;

/** The review numbers of a rulebook; a rulebook older than 2026-12-v5 lacks some, and a review cannot be decided on it. */
export function reviewRulesOf(rulebook: Rulebook) {
  const { windowDays, reviseWithinDays, explanationWithinDays, followUpReviewWithinDays, textMaxLength, ruleIds } = rulebook.review;
  if (explanationWithinDays === undefined || followUpReviewWithinDays === undefined || textMaxLength === undefined || !ruleIds) {
    throw new Error(`rulebook ${rulebook.version} has no review windows`);
  }
  const moderation: ModerationRulebook = rulebook.moderation ?? { rules: [] };
  return {
    version: rulebook.version,
    windowDays,
    reviseWithinDays,
    explanationWithinDays,
    followUpReviewWithinDays,
    textMaxLength,
    ruleIds,
    moderation,
  };
}
export type ReviewRulebook = ReturnType<typeof reviewRulesOf>;

const RANK = { negative: 0, neutral: 1, positive: 2 } as const;
/** Whether a revision moves up: a better rating, and a score no lower. */
export const isUpward = (from: { rating: keyof typeof RANK; score: number }, to: { rating: keyof typeof RANK; score: number }): boolean =>
  RANK[to.rating] > RANK[from.rating] && to.score >= from.score;
