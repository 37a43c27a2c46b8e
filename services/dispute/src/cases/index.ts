export * from './domain';
export * from './policies';
export * from './application';
export * from './http';
