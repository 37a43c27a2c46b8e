export * from './dispute-service-name';
