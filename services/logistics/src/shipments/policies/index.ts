export * from './tracking-expiry.policy';
