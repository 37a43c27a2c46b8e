import type { ModeratedText, ReviewStreamEvent } from '@aftersales/contracts';
import { illegalTransition, ruleViolation } from '@aftersales/kernel';
import type { ModerateReview, PostReview } from './review-commands';
import { ReviewRules, type ReviewRulebook } from './review-rules';
import type { Review, ReviewState } from './review-state';
import { daysAfter, moderated, requireReview, requireTextWithinLimit, requireWithin, reviewEvent, reviewKeys } from './review-support';

/**
 * The buyer's review of a completed order: once, within the window after completion; neutral and negative need text.
 * A text a moderation rule matches is held (not counted) naming the rule, until the platform moderates it.
 */
export function decidePostReview(command: PostReview, state: ReviewState, rules: ReviewRulebook): ReviewStreamEvent[] {
  if (state !== null) throw illegalTransition('posting a second review of the order', state.status, ReviewRules.alreadyPosted);
  const { order } = command;
  if (!order.completedAt) {
    throw ruleViolation(
      ReviewRules.orderNotCompleted,
      `order ${order.orderId} has not completed: a review comes after receipt is confirmed`,
    );
  }
  requireWithin(command.at, daysAfter(order.completedAt, rules.windowDays), rules.ruleIds.window, 'reviewing the order', rules);
  const text = command.text.trim();
  if (command.rating !== 'positive' && text.length === 0) {
    throw ruleViolation(ReviewRules.textRequired, `a ${command.rating} review needs a text saying why`);
  }
  requireTextWithinLimit(text, rules);
  const { status, hold } = moderated(text, rules);
  return [
    reviewEvent('ReviewPosted', {
      reviewId: command.reviewId,
      orderId: order.orderId,
      shopId: order.shopId,
      buyerId: order.buyerId,
      rating: command.rating,
      score: command.score,
      text,
      images: command.images,
      status,
      hold,
      postedAt: command.at,
      completedAt: order.completedAt,
      revisableUntil: command.rating === 'positive' ? undefined : daysAfter(command.at, rules.reviseWithinDays),
      rulebookVersion: rules.version,
      basedOn: command.basedOn,
    }),
  ];
}

/** The held texts of a review, in the order the platform moderates them when it does not say which. */
export function heldTexts(review: Review): { content: ModeratedText; hold: NonNullable<Review['hold']> }[] {
  const held: { content: ModeratedText; hold?: Review['hold'] }[] = [
    { content: 'review', hold: review.status === 'held' ? review.hold : undefined },
    { content: 'explanation', hold: review.explanation?.status === 'held' ? review.explanation.hold : undefined },
    { content: 'follow_up_review', hold: review.followUpReview?.status === 'held' ? review.followUpReview.hold : undefined },
    { content: 'revision', hold: review.revisions.find((r) => r.textStatus === 'held')?.hold },
  ];
  return held.filter((h): h is { content: ModeratedText; hold: NonNullable<Review['hold']> } => h.hold !== undefined);
}

/** The platform publishes or rejects a held text; nothing held (or not that text) is refused. */
export function decideModerateReview(command: ModerateReview, state: ReviewState): ReviewStreamEvent[] {
  const review = requireReview(state, command.reviewId);
  const held = heldTexts(review);
  const target = command.content ? held.find((h) => h.content === command.content) : held[0];
  if (!target)
    throw illegalTransition(
      `moderating ${command.content ?? 'a text'} of a review with nothing of it held`,
      review.status,
      ReviewRules.nothingHeld,
    );
  return [
    reviewEvent('ReviewModerated', {
      ...reviewKeys(review),
      content: target.content,
      decision: command.decision,
      reason: command.reason,
      hold: target.hold,
      moderatorId: command.moderatorId,
      moderatedAt: command.at,
    }),
  ];
}
