export * from './refunds-service';
export * from './refund-actors';
export * from './refunds.types';
export * from './ports';
export * from './refund-ids';
