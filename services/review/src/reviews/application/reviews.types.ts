import type { Evidence, MaliciousReviewGrounds, ModeratedText, ReviewRating, ReviewStatus } from '@aftersales/contracts';
import type { Platform, WaitOptions } from '@aftersales/kernel';
import type { ReviewCommandHandler } from './review-handler';

/** What the review use cases run on. */
export interface ReviewDeps {
  handler: ReviewCommandHandler;
  platform: Platform;
  /** How long to wait (bounded) for the order facts the order topic feeds. */
  waitOptions: WaitOptions;
  /** How far group `review` is behind the order topic (0: the order facts have everything). */
  orderFeedLag(): Promise<number>;
}

export interface PostReviewInput {
  orderId: string;
  rating: ReviewRating;
  score: number;
  text?: string;
  images?: string[];
}

export interface ModerationInput {
  decision: 'publish' | 'reject';
  reason: string;
  content?: ModeratedText;
}

export interface RevisionInput {
  rating: ReviewRating;
  score: number;
  text?: string;
}

export interface AppealInput {
  reason: string;
  grounds?: (typeof MaliciousReviewGrounds)[number];
  evidence: Evidence[];
}

/** GET /reviews after the caller's scope: `shopIds` undefined means every shop. */
export interface ListReviewsQuery {
  shopIds?: readonly string[];
  rating?: ReviewRating;
  status?: ReviewStatus;
  /** pending: some text of the review waits for the platform's moderation. */
  moderation?: 'pending';
  /** pending: the shop's appeal waits for the platform's decision. */
  appeal?: 'pending';
  limit?: number;
  cursor?: string;
}

export interface ListShopReviewsQuery {
  shopId: string;
  rating?: ReviewRating;
  status?: ReviewStatus;
  limit?: number;
  cursor?: string;
}
