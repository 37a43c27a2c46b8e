export * from './order-state';
export * from './order-commands';
export * from './order-decider';
export * from './evolve-order';
export * from './evolve-order-in-place';
