export * from './order-service';
export { orderAggregate, orderStreamId, type OrderCommandInput, type OrderCommandResult } from './order-handler';
export * from './orders.types';
export { CONSUMER_GROUP, type ReactionOutcome } from './reaction-outcome';
export { SCHEDULER_ACTOR } from './order.timers';
export { REFUND_SERVICE_ACTOR } from './refund.reactions';
export * from './order-ids';
