import type { ModerationHold, ReviewStreamEvent, ReviewStreamEventType } from '@aftersales/contracts';
import { illegalTransition, notFound, ruleViolation, withoutUndefined } from '@aftersales/kernel';
import { moderateText } from '../policies/moderate-text';
import type { ReviewRulebook } from './review-rules';
import { ReviewRules } from './review-rules';
import type { Review, ReviewState } from './review-state';

type ReviewEventData<T extends ReviewStreamEventType> = Extract<ReviewStreamEvent, { type: T }>['data'];

/** Builds a typed review event, leaving out optional fields that are undefined. */
export const reviewEvent = <T extends ReviewStreamEventType>(type: T, data: ReviewEventData<T>): ReviewStreamEvent =>
  ({ type, data: withoutUndefined(data) }) as ReviewStreamEvent;

export function requireReview(state: ReviewState, reviewId: string): Review {
  if (state === null) throw notFound('review', reviewId);
  return state;
}

export const reviewKeys = (review: Review) => ({ reviewId: review.id, orderId: review.orderId, shopId: review.shopId });

/** Explanation, follow-up review and revision are for a review the public sees: not one held, rejected or hidden. */
export function requirePublished(review: Review, what: string): void {
  if (review.status !== 'published') throw illegalTransition(what, review.status, ReviewRules.notPublished);
}

export const daysAfter = (at: string, days: number): string => new Date(Date.parse(at) + days * 86_400_000).toISOString();

/** Refuses a command later than `until`, naming the rule of the window. */
export function requireWithin(at: string, until: string, ruleId: string, what: string, rules: ReviewRulebook): void {
  if (Date.parse(at) > Date.parse(until)) {
    throw ruleViolation(ruleId, `${what} was possible until ${until}`, { until, rulebookVersion: rules.version });
  }
}

/** Refuses a text longer than the rulebook allows, naming the rule. */
export function requireTextWithinLimit(text: string, rules: ReviewRulebook): void {
  const length = [...text].length;
  if (length > rules.textMaxLength) {
    throw ruleViolation(rules.ruleIds.text, `the text has ${length} characters; at most ${rules.textMaxLength}`, {
      maxLength: rules.textMaxLength,
      rulebookVersion: rules.version,
    });
  }
}

/** Published at once, or held naming the moderation rule that matched. */
export function moderated(text: string, rules: ReviewRulebook): { status: 'published' | 'held'; hold?: ModerationHold } {
  const verdict = moderateText(text, rules.moderation, rules.version);
  if (verdict.verdict === 'pass') return { status: 'published' };
  return { status: 'held', hold: { ruleId: verdict.ruleId, category: verdict.category, rulebookVersion: verdict.rulebookVersion } };
}
