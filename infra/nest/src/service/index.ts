export * from './service-definition';
export * from './capability-module';
