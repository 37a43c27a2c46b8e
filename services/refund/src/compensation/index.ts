export * from './domain';
export * from './application';
export * from './http';
