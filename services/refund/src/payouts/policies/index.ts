export * from './payout-timer.policy';
