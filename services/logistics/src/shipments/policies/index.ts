export * from './tracking-expiry.policy';
export * from './refund-return.policy';
export * from './order-closure.policy';
