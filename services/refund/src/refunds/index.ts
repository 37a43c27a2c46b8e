export * from './domain';
export * from './application';
