export * from './order.module';
export * from './orders.controller';
export * from './order-reactions.controller';
export * from './order-service.token';
export * from './schemas';
