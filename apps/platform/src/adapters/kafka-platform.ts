import type { Clock, MessageBus } from '@aftersales/kernel';
import { KafkaMessageBus } from '@aftersales/kafka';
import type { EventStoreConfig, KafkaRuntimeConfig, ReadModelsConfig } from '../config';
import { openLocalStores, processAdapters, type ProcessAdapters } from './process-adapters';
import { NamespacedMessageBus } from './bus/namespaced-message-bus';
import { ReadModelCheckpointStore } from './bus/read-model-checkpoint-store';

export interface KafkaAdapters extends ProcessAdapters {
  kafka: KafkaMessageBus;
}

/**
 * A service process in production shape: its own event log, read models and timers in its data directory, events
 * shared over Kafka. Dead letters are on: a message that keeps failing goes to `<topic>.dlq` and its partition moves
 * on. The publisher's checkpoint lives in the read-model store.
 */
export async function openKafkaAdapters(
  dataDir: string,
  clock: Clock,
  settle: () => Promise<void>,
  config: KafkaRuntimeConfig,
  clientId: string,
  keysPath?: string,
  eventStore?: EventStoreConfig,
  readModels?: ReadModelsConfig,
): Promise<KafkaAdapters> {
  const stores = openLocalStores(dataDir, clock, { keysPath, eventStore, readModels });
  const kafka = new KafkaMessageBus({
    brokers: config.brokers,
    clientId,
    deadLetter: { afterAttempts: config.deadLetterAfterAttempts },
    topicConfig: { 'retention.ms': String(config.topicRetentionMs) },
    // settle() fails only for a message that is not dead-lettered yet and still failing
    retry: { drainFailsAfterAttempts: config.deadLetterAfterAttempts + 1 },
    consumer: { sessionTimeoutMs: config.sessionTimeoutMs, heartbeatIntervalMs: Math.max(500, Math.floor(config.sessionTimeoutMs / 10)) },
  });
  const bus: MessageBus = config.topicPrefix ? new NamespacedMessageBus(kafka, config.topicPrefix) : kafka;
  try {
    await kafka.connect();
  } catch (error) {
    await kafka.close();
    await stores.close();
    throw error;
  }
  const publisherCheckpoints = new ReadModelCheckpointStore(stores.readModels);
  return { ...processAdapters({ stores, bus, closeBus: () => kafka.close(), publisherCheckpoints, clock, settle, messagingSystem: 'kafka' }), kafka };
}
