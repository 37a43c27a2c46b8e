export * from './payouts.module';
export * from './payouts.controller';
export * from './fake-payment-provider.controller';
export * from './payouts.schemas';
export * from './payouts.tokens';
