export * from './order.module';
export * from './orders.controller';
export * from './order-reactions.controller';
export * from './order.tokens';
export * from './orders.schemas';
