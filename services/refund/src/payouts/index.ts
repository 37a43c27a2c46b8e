export * from './payout-port';
export * from './provider';
export * from './domain';
export * from './application';
export * from './http';
