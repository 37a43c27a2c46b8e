export * from './application';
export * from './domain';
export * from './http';
export * from './policies';
export * from './projections';
