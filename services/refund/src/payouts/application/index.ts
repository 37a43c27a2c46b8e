export * from './payout-service';
export * from './payment-provider';
export * from './call-with-timeout';
export * from './payout-state-view';
