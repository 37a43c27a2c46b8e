import type { ReviewRating } from '@aftersales/contracts';

/** The review events the follow-ups react to (group `review-follow-ups`, review topic). */
export const REVIEW_EVENTS_FOLLOW_UPS_REACT_TO: readonly string[] = ['ReviewPosted', 'ReviewModerated', 'ReviewRevised'];

/** What of a review a follow-up opens on. */
export interface ReviewFacts {
  reviewId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  rating: ReviewRating;
}

export type FollowUpReaction =
  | { kind: 'remember'; facts: ReviewFacts; open: boolean }
  | { kind: 'open_published'; reviewId: string }
  | { kind: 'close_revised'; reviewId: string }
  | undefined;

const RATING_ORDER: Record<string, number> = { negative: 0, neutral: 1, positive: 2 };

/**
 * Which follow-up command a review event calls for. A published neutral or negative review opens one (a held review
 * waits until the platform publishes it); an upward revision closes it as revised.
 */
export function followUpReactionTo(event: { type: string; data: unknown }): FollowUpReaction {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'ReviewPosted': {
      const facts: ReviewFacts = {
        reviewId: String(d.reviewId),
        orderId: String(d.orderId),
        shopId: String(d.shopId),
        buyerId: String(d.buyerId),
        rating: d.rating as ReviewRating,
      };
      const published = d.status === undefined || d.status === 'published';
      return { kind: 'remember', facts, open: published && facts.rating !== 'positive' };
    }
    case 'ReviewModerated':
      return d.content === 'review' && d.decision === 'publish' ? { kind: 'open_published', reviewId: String(d.reviewId) } : undefined;
    case 'ReviewRevised': {
      const from = (d.from as { rating?: string } | undefined)?.rating ?? d.previousRating;
      const to = (d.to as { rating?: string } | undefined)?.rating ?? d.rating;
      const upward = RATING_ORDER[String(to)] > RATING_ORDER[String(from)];
      return upward ? { kind: 'close_revised', reviewId: String(d.reviewId) } : undefined;
    }
    default:
      return undefined;
  }
}
