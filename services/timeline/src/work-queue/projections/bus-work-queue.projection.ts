import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { BufferedUnitOfWork, envelopeOf, type BusFedView, type BusMessage, type MessageBus, type ReadModelStore } from '@aftersales/kernel';
import { SerialBusConsumer } from '@aftersales/nest';
import { WORK_QUEUE_SERVICES, workSourceOf } from '../domain/work-sources';
import { applyWorkEvent } from './apply-work-event';
import { SLA_BREACHES_COLLECTION, WORK_QUEUE_COLLECTION, WORK_SUBJECTS_COLLECTION } from './work-queue.document';

export const WORK_QUEUE_GROUP = 'work-queue';
const PROJECTION = 'work-queue';

/** The Kafka-mode work queue as a bus-fed view: rebuilt by replaying group `work-queue`. */
export const busWorkQueueView: BusFedView = {
  name: PROJECTION,
  projection: PROJECTION,
  collections: [WORK_QUEUE_COLLECTION, WORK_SUBJECTS_COLLECTION, SLA_BREACHES_COLLECTION],
  group: WORK_QUEUE_GROUP,
};

/**
 * The work queue when every service keeps its own log: consumer group `work-queue` reads the topics of the services its
 * sources read (refund, dispute and review) and applies each event as the log projection
 * does. One subject's events share its order's partition, so they arrive in order. The changes, the event id (dedupe)
 * and the arrival counter commit in one read-model transaction.
 */
export class BusWorkQueue extends SerialBusConsumer {
  constructor(
    bus: MessageBus,
    private readonly readModels: ReadModelStore,
  ) {
    super(
      bus,
      WORK_QUEUE_GROUP,
      WORK_QUEUE_SERVICES.map((service) => topicOf(service)),
    );
  }

  protected async apply(message: BusMessage): Promise<boolean> {
    const event = envelopeOf<EventEnvelope>(message);
    if (!workSourceOf(event.type)) return false;
    if (await this.readModels.wasProcessed(PROJECTION, event.eventId)) return false;
    const arrival = (await this.readModels.checkpoint(PROJECTION)) + 1;
    const uow = new BufferedUnitOfWork(this.readModels);
    await applyWorkEvent({ type: event.type, data: event.data as Record<string, unknown> }, uow);
    await this.readModels.commit(uow.toBatch(PROJECTION, arrival, [event.eventId]));
    return true;
  }
}
