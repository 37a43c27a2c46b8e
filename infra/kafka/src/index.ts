export { KafkaMessageBus, brokersFromEnv, type KafkaMessageBusOptions } from './kafka-message-bus';
export type { ConsumerTuning } from './kafka-consumer';
export { DeadLetterHeader, defaultDeadLetterTopic, type DeadLetterPolicy } from './dead-letter';
export { DeadLetterStore, deadLetterTopicOf, type DeadLetter, type DeadLetterReplayer, type ReadOptions as DeadLetterReadOptions } from './dead-letter-store';
export { deleteNamespace } from './admin/namespace';
export { groupProgress } from './admin/group-progress';
