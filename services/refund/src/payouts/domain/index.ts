export * from './payout-state';
export * from './payout-commands';
export * from './payout-decider';
export * from './retry-policy';
export * from './payout-request';
