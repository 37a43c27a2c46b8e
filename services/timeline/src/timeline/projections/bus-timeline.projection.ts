import { partitionKeyOf, ServiceNames, topicOf, type EventEnvelope } from '@aftersales/contracts';
import type { BusFedView, BusMessage, MessageBus, ReadModelStore } from '@aftersales/kernel';
import { SerialBusConsumer } from '@aftersales/nest';
import { timelineEntryOf } from '../domain/timeline-entry';
import { withEntry, type BusTimelineDocument } from '../domain/timeline-order';

export const TIMELINE_GROUP = 'timeline';
const PROJECTION = 'timelines';
const COLLECTION = 'timelines';

/** The Kafka-mode timeline as a bus-fed view: rebuilt by replaying group `timeline`. */
export const busTimelineView: BusFedView = { name: PROJECTION, projection: PROJECTION, collections: [COLLECTION], group: TIMELINE_GROUP };

/**
 * The order timeline when every service keeps its own log: consumer group `timeline` reads every service topic and
 * keeps the same `timelines` documents the log projection keeps in the embedded runtime. The document, the event id
 * (dedupe) and the arrival counter commit in one read-model transaction; deliveries are applied one at a time, and only
 * those applied count as delivered. Replaying group `timeline` re-reads every service topic from the start.
 */
export class BusTimeline extends SerialBusConsumer {
  constructor(
    bus: MessageBus,
    private readonly readModels: ReadModelStore,
  ) {
    super(
      bus,
      TIMELINE_GROUP,
      ServiceNames.map((service) => topicOf(service)),
    );
  }

  protected async apply(message: BusMessage): Promise<boolean> {
    const event = JSON.parse(message.value) as EventEnvelope;
    if (await this.readModels.wasProcessed(PROJECTION, event.eventId)) return false;
    const orderId = partitionKeyOf(event.data);
    const doc = (await this.readModels.get<BusTimelineDocument>(COLLECTION, orderId)) ?? {
      id: orderId,
      orderId,
      entries: [],
      sortKeys: {},
    };
    const arrival = (await this.readModels.checkpoint(PROJECTION)) + 1;
    const entry = timelineEntryOf(event, 0);
    const next = withEntry(doc, entry, {
      recordedAt: event.recordedAt,
      publishedAt: message.timestamp ?? 0,
      arrival,
      revision: event.revision,
    });
    await this.readModels.commit({
      projection: PROJECTION,
      checkpoint: arrival,
      puts: [{ collection: COLLECTION, doc: next }],
      deletes: [],
      processedEventIds: [event.eventId],
    });
    return true;
  }
}
