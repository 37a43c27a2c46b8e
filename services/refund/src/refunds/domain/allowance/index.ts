export * from './allowance-state';
export * from './allowance-commands';
export * from './allowance-decider';
