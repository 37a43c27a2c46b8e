export * from './order-service';
export * from './order-handler';
export * from './orders.types';
export * from './reaction-outcome';
export { SCHEDULER_ACTOR } from './order.timers';
export { REFUND_SERVICE_ACTOR } from './refund.reactions';
export * from './order-ids';
