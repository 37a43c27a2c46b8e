import type { ReviewStreamEvent } from '@aftersales/contracts';
import { ruleViolation } from '@aftersales/kernel';
import type { PostExplanation, PostFollowUpReview, ReviseReview } from './review-commands';
import { isUpward, ReviewRules, type ReviewRulebook } from './review-rules';
import type { ReviewState } from './review-state';
import {
  daysAfter,
  moderated,
  requirePublished,
  requireReview,
  requireTextWithinLimit,
  requireWithin,
  reviewEvent,
  reviewKeys,
} from './review-support';

/** The shop's one explanation (解释): within the window after the review, never after the buyer's follow-up review. */
export function decidePostExplanation(command: PostExplanation, state: ReviewState, rules: ReviewRulebook): ReviewStreamEvent[] {
  const review = requireReview(state, command.reviewId);
  requirePublished(review, 'explaining a review');
  if (review.explanation) throw ruleViolation(ReviewRules.explanationOnce, 'the shop has already explained this review: once only');
  if (review.followUpReview) {
    throw ruleViolation(
      ReviewRules.explanationAfterFollowUpReview,
      'the buyer has added a follow-up review: the shop can no longer explain',
    );
  }
  requireWithin(
    command.at,
    daysAfter(review.postedAt, rules.explanationWithinDays),
    rules.ruleIds.explanation,
    'explaining the review',
    rules,
  );
  requireTextWithinLimit(command.text, rules);
  const { status, hold } = moderated(command.text, rules);
  return [
    reviewEvent('ReviewExplanationPosted', {
      ...reviewKeys(review),
      agentId: command.agentId,
      text: command.text,
      status,
      hold,
      postedAt: command.at,
      rulebookVersion: rules.version,
    }),
  ];
}

/** The buyer's one follow-up review (追评), within the window after the order completed. */
export function decidePostFollowUpReview(command: PostFollowUpReview, state: ReviewState, rules: ReviewRulebook): ReviewStreamEvent[] {
  const review = requireReview(state, command.reviewId);
  requirePublished(review, 'adding a follow-up review');
  if (review.followUpReview) throw ruleViolation(ReviewRules.followUpReviewOnce, 'a follow-up review was already added: once only');
  requireWithin(
    command.at,
    daysAfter(review.completedAt, rules.followUpReviewWithinDays),
    rules.ruleIds.followUpReview,
    'adding a follow-up review',
    rules,
  );
  requireTextWithinLimit(command.text, rules);
  const { status, hold } = moderated(command.text, rules);
  return [
    reviewEvent('FollowUpReviewPosted', {
      ...reviewKeys(review),
      buyerId: review.buyerId,
      text: command.text,
      images: command.images,
      status,
      hold,
      postedAt: command.at,
      rulebookVersion: rules.version,
    }),
  ];
}

/** The buyer revises a neutral or negative review once, only upwards, within the window after posting it. */
export function decideReviseReview(command: ReviseReview, state: ReviewState, rules: ReviewRulebook): ReviewStreamEvent[] {
  const review = requireReview(state, command.reviewId);
  requirePublished(review, 'revising a review');
  if (review.revisions.length > 0) throw ruleViolation(ReviewRules.revisionOnce, 'the review was already revised: once only');
  const from = { rating: review.rating, score: review.score };
  const to = { rating: command.rating, score: command.score };
  if (!isUpward(from, to)) {
    throw ruleViolation(
      ReviewRules.revisionUpwardsOnly,
      `a revision goes up only: from ${from.rating} (${from.score}) to a better rating with no lower score`,
      {
        from,
        to,
      },
    );
  }
  requireWithin(command.at, daysAfter(review.postedAt, rules.reviseWithinDays), rules.ruleIds.revision, 'revising the review', rules);
  const text = command.text?.trim() || undefined;
  if (text !== undefined) requireTextWithinLimit(text, rules);
  const verdict = text !== undefined ? moderated(text, rules) : undefined;
  return [
    reviewEvent('ReviewRevised', {
      ...reviewKeys(review),
      buyerId: review.buyerId,
      from,
      to,
      text,
      textStatus: verdict?.status,
      hold: verdict?.hold,
      revisedAt: command.at,
      ruleId: rules.ruleIds.revision,
      rulebookVersion: rules.version,
    }),
  ];
}
