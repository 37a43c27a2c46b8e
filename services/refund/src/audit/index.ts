export * from './domain';
export * from './application';
export * from './projections';
export * from './http';
