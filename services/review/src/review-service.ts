import type { Platform, ServiceRuntime } from '@aftersales/kernel';
import { createRatingsService, type RatingsService } from './ratings/application';
import { createReviewsService, type ReviewsService } from './reviews/application';

/** The review service: reviews (and, beside them, the capabilities other branches add: follow-ups, shop ratings). */
export interface ReviewService {
  /** Reviews of completed orders (streams review-<reviewId>). */
  readonly reviews: ReviewsService;
  /** The shop's rating and follow-up figures (read models over this service's log). */
  readonly ratings: RatingsService;
  /** What the engine runs for this service: projections, timer policies, timer dispatch, per capability. */
  readonly runtimes: ServiceRuntime[];
}

/** Builds every capability of the service, the one place they meet; capabilities never build one another. */
export function createReviewService(platform: Platform): ReviewService {
  const reviews = createReviewsService(platform);
  const ratings = createRatingsService(platform);
  return { reviews, ratings, runtimes: [reviews.runtime, ratings.runtime] };
}
