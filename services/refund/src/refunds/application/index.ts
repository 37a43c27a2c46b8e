export * from './refunds-service';
export * from './refund-actors';
export * from './refunds.types';
export * from './ports';
export * from './refund-ids';
export { REFUND_EVENTS_REFUNDS_REACT_TO } from './refund.reactions';
export { DISPUTE_EVENTS_REFUNDS_REACT_TO } from './dispute.reactions';
export { REVIEW_EVENTS_REFUNDS_REACT_TO } from './review.reactions';
