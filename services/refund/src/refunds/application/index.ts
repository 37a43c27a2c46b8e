export * from './refunds';
export * from './refund-actors';
export * from './refunds.types';
export * from './ports';
export * from './refund-ids';
