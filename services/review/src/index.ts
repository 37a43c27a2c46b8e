/*
 * @aftersales/review: reviews of completed orders (reviews/), composed in review-service.ts.
 */
export * from './reviews';
export * from './ratings';
export * from './review-service';
export * from './review.module';
export * from './service-definition';
