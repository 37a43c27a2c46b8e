export * from './service-definition';
export * from './capability-module';
export * from './runtime-without-timers';
