export * from './follow-up-actors';
export * from './follow-up-handler';
export * from './follow-up-ids';
export * from './follow-up-service';
export * from './follow-ups.queries';
export * from './follow-ups.types';
export { FOLLOW_UP_REVIEWS, REVIEW_EVENTS_FOLLOW_UPS_REACT_TO, type FollowUpReactionOutcome } from './review.reactions';
export { REFUND_EVENTS_FOLLOW_UPS_REACT_TO } from './refund.reactions';
