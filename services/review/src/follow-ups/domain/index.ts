export * from './follow-up-commands';
export * from './follow-up-decider';
export * from './follow-up-events';
export * from './follow-up-rules';
export * from './follow-up-state';
export * from './evolve-follow-up';
