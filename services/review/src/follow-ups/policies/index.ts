export * from './follow-up-service-name';
export * from './follow-up-timer.policy';
export * from './review-follow-up.policy';
export * from './refund-outcome.policy';
