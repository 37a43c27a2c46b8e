export * from './shipments';
export * from './service-definition';
