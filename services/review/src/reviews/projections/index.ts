export * from './review-order-facts.projection';
