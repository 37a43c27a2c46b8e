export * from './test-server';
export * from './test-databases';
