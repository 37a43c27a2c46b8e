export * from './config';
export * from './app';
export * from './embedded-platform';
export * from './manual-clock-file';
export * from './kafka-platform';
export * from './services/service-catalog';
export * from './bus/namespaced-message-bus';
