export * from './refunds.controller';
export * from './refund-reactions.controller';
export * from './refunds.tokens';
export * from './refunds.schemas';
export * from './refunds.module';
