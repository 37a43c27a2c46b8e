export * from './orders';
export * from './service-definition';
