export * from './review-order-facts.projection';
export * from './review.view';
export * from './reviews.projection';
