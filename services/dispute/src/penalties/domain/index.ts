export * from './shop-penalty-commands';
export * from './shop-penalty-state';
export * from './shop-penalty-events';
export * from './shop-penalty-rules';
export * from './evolve-shop-penalty';
export * from './decide-assessment';
export * from './decide-lift';
export * from './shop-penalty-decider';
