export * from './refunds';
export * from './refunds.types';
export * from './ports';
export * from './refund-document';
export * from './refunds-projection';
export * from './order-facts-view';
export * from './refund-ids';
export * from './command-keys';
