export * from './dispute-state';
export * from './dispute-commands';
export * from './dispute-rules';
export * from './dispute-decider';
export * from './evolve-dispute';
