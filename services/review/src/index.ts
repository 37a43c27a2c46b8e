/*
 * @aftersales/review: reviews of completed orders (reviews/), composed in review-service.ts.
 */
export * from './reviews';
export { createFollowUpService, followUpIdOf, FOLLOW_UPS_ACCESS, type FollowUpService } from './follow-ups';
export * from './ratings';
export * from './review-service';
export * from './review.module';
export * from './service-definition';
