export * from './config';
export * from './start-system';
export * from './adapters/embedded-platform';
export * from './adapters/manual-clock-file';
export * from './adapters/kafka-platform';
export * from './service-catalog';
export * from './adapters/bus/namespaced-message-bus';
export { runVerifyLogCli } from './cli/verify-log';
