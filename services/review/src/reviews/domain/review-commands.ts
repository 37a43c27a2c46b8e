import type { Evidence, MaliciousReviewGrounds, ModeratedText, ReviewRating } from '@aftersales/contracts';

/** The order a review is posted on, as the order topic told the review service. */
export interface ReviewedOrder {
  orderId: string;
  shopId: string;
  buyerId: string;
  /** When the order completed; absent: it has not. */
  completedAt?: string;
}

export interface PostReview {
  type: 'PostReview';
  reviewId: string;
  order: ReviewedOrder;
  /** Ids of the order events the facts come from. */
  basedOn: string[];
  rating: ReviewRating;
  score: number;
  text: string;
  images: string[];
  at: string;
}

export interface ModerateReview {
  type: 'ModerateReview';
  reviewId: string;
  /** Which held text; absent: the first one held (review, explanation, follow-up review, revision). */
  content?: ModeratedText;
  decision: 'publish' | 'reject';
  reason: string;
  moderatorId: string;
  at: string;
}

export interface PostExplanation {
  type: 'PostExplanation';
  reviewId: string;
  agentId: string;
  text: string;
  at: string;
}

export interface PostFollowUpReview {
  type: 'PostFollowUpReview';
  reviewId: string;
  text: string;
  images: string[];
  at: string;
}

export interface ReviseReview {
  type: 'ReviseReview';
  reviewId: string;
  rating: ReviewRating;
  score: number;
  text?: string;
  at: string;
}

export interface AppealReview {
  type: 'AppealReview';
  reviewId: string;
  appealId: string;
  agentId: string;
  grounds?: (typeof MaliciousReviewGrounds)[number];
  reason: string;
  evidence: Evidence[];
  at: string;
}

export interface DecideAppeal {
  type: 'DecideAppeal';
  reviewId: string;
  upheld: boolean;
  reason: string;
  arbitratorId: string;
  at: string;
}

export type ReviewCommand = PostReview | ModerateReview | PostExplanation | PostFollowUpReview | ReviseReview | AppealReview | DecideAppeal;
