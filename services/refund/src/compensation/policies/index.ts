export * from './dispute-compensation.policy';
export * from './review-compensation.policy';
