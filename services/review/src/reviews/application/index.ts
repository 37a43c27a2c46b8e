export * from './order.reactions';
export * from './reaction-outcome';
export * from './review-actors';
export * from './review-handler';
export * from './review.commands';
export * from './reviews.queries';
export * from './reviews.types';
export * from './reviews-service';
