export * from './payout-service';
export * from './payouts-projection';
export * from './call-with-timeout';
export * from './payout-state-view';
