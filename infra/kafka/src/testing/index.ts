/* @aftersales/kafka/testing: where the Kafka integration tests (here and in the composition root) find a broker. */
export * from './test-broker';
