import type { ReviewStreamEvent } from '@aftersales/contracts';
import { illegalTransition } from '@aftersales/kernel';
import type { AppealReview, DecideAppeal } from './review-commands';
import { ReviewRules } from './review-rules';
import type { ReviewState } from './review-state';
import { requireReview, reviewEvent, reviewKeys } from './review-support';

/** The shop appeals a review as malicious (投诉翻案), once, with evidence; a negative review is never removed for being negative. */
export function decideAppealReview(command: AppealReview, state: ReviewState): ReviewStreamEvent[] {
  const review = requireReview(state, command.reviewId);
  if (review.appeal) throw illegalTransition('appealing the review a second time', review.status, ReviewRules.appealOnce);
  if (review.status !== 'published')
    throw illegalTransition('appealing a review the public does not see', review.status, ReviewRules.notPublished);
  return [
    reviewEvent('MaliciousReviewAppealFiled', {
      appealId: command.appealId,
      ...reviewKeys(review),
      agentId: command.agentId,
      grounds: command.grounds,
      reason: command.reason,
      evidence: command.evidence,
      filedAt: command.at,
    }),
  ];
}

/** The platform decides the appeal: upheld hides the review (no longer counted), dismissed leaves it as it was. */
export function decideAppealDecision(command: DecideAppeal, state: ReviewState): ReviewStreamEvent[] {
  const review = requireReview(state, command.reviewId);
  if (!review.appeal || review.appeal.decision)
    throw illegalTransition('deciding an appeal that is not pending', review.status, ReviewRules.noAppealPending);
  return [
    reviewEvent('MaliciousReviewAppealDecided', {
      appealId: review.appeal.appealId,
      reviewId: review.id,
      orderId: review.orderId,
      upheld: command.upheld,
      reviewRemoved: command.upheld,
      arbitratorId: command.arbitratorId,
      explanation: command.reason,
      decidedAt: command.at,
    }),
  ];
}
