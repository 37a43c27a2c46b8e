export { KafkaMessageBus, brokersFromEnv, type KafkaMessageBusOptions } from './kafka-message-bus';
export type { ConsumerTuning } from './kafka-consumer';
export { ConsumerStuckError } from './consumer-stuck-error';
export { DeadLetterHeader, defaultDeadLetterTopic, type DeadLetterPolicy } from './dead-letter';
export type { RetryPolicy } from './retry-policy';
export type { BusLogger } from './bus-logger';
export { deleteNamespace } from './admin/namespace';
export { groupProgress } from './admin/group-progress';
