export * from './refunds.controller';
export * from './refund-reactions.controller';
export * from './refund-service.token';
export * from './refunds.schemas';
