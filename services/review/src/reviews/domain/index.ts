export * from './review-commands';
export * from './review-state';
export * from './review-rules';
export * from './review-decider';
export * from './evolve-review';
