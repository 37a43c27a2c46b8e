export * from './settlement-commands';
export * from './settlement-state';
export * from './settlement-decider';
