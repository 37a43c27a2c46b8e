export * from './order.reactions';
export * from './reaction-outcome';
export * from './review-actors';
export * from './reviews-service';
