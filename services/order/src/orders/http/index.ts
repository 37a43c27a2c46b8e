export * from './orders.module';
export * from './orders.controller';
export * from './order-reactions.controller';
export * from './orders.tokens';
export * from './orders.schemas';
