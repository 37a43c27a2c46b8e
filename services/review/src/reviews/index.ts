export * from './domain';
export * from './policies';
export * from './projections';
export * from './application';
export * from './http';
