export * from './compensation-service';
export * from './compensation.types';
export * from './compensation-handlers';
export { ORDER_EVENTS_COMPENSATION_REACTS_TO } from './order.reactions';
export { REFUND_EVENTS_COMPENSATION_REACTS_TO } from './refund.reactions';
export { DISPUTE_EVENTS_COMPENSATION_REACTS_TO } from './dispute.reactions';
export { REVIEW_EVENTS_COMPENSATION_REACTS_TO } from './review.reactions';
