export * from './kurrent-wire-double';
export * from './kurrent-test-server';
