export * from './refund.document';
export * from './refunds.projection';
export * from './order-facts.projection';
export * from './refund-queue.document';
