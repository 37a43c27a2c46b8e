export { SqliteMessageBus, type SqliteMessageBusOptions } from './sqlite-message-bus';
export { SqliteCheckpointStore } from './sqlite-checkpoint-store';
export { partitionForKey } from './murmur2';
export { SqliteGroupOffsets, type SqliteGroupOffsetsOptions } from './sqlite-group-offsets';
