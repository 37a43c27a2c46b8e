export * from './domain';
export * from './application';
export * from './http';
export * from './service-definition';
