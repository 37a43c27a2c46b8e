import type { Platform, ServiceRuntime } from '@aftersales/kernel';
import { createFollowUpService, type FollowUpService } from './follow-ups/application';
import { createRatingsService, type RatingsService } from './ratings/application';
import { createReviewsService, type ReviewsService } from './reviews/application';

/** The review service: reviews (and, beside them, the capabilities other branches add: follow-ups, shop ratings). */
export interface ReviewService {
  /** Reviews of completed orders (streams review-<reviewId>). */
  readonly reviews: ReviewsService;
  /** Bad-review follow-ups (streams review-follow-up-<followUpId>). */
  readonly followUps: FollowUpService;
  /** The shop's rating and follow-up figures (read models over this service's log). */
  readonly ratings: RatingsService;
  /** What the engine runs for this service: projections, timer policies, timer dispatch, per capability. */
  readonly runtimes: ServiceRuntime[];
}

/** Builds every capability of the service, the one place they meet; capabilities never build one another. */
export function createReviewService(platform: Platform): ReviewService {
  const reviews = createReviewsService(platform);
  const followUps = createFollowUpService(platform);
  const ratings = createRatingsService(platform);
  return { reviews, followUps, ratings, runtimes: [reviews.runtime, followUps.runtime, ratings.runtime] };
}
