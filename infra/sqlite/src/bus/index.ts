export { SqliteMessageBus, type SqliteMessageBusOptions } from './sqlite-message-bus';
export { ConsumerStuckError } from './sqlite-consumer';
export { SqliteCheckpointStore } from './sqlite-checkpoint-store';
export { partitionForKey } from './murmur2';
export type { RetryPolicy } from './retry-policy';
export type { BusLogger } from './bus-logger';
