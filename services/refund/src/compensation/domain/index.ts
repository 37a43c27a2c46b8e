export * from './order-facts';
export * from './calculators';
export * from './compensation-state';
export * from './compensation-commands';
export * from './compensation-decider';
export * from './ids';
