import { partitionKeyOf, ServiceNames, topicOf, type EventEnvelope } from '@aftersales/contracts';
import { envelopeOf, type BusFedView, type BusMessage, type MessageBus, type ReadModelStore } from '@aftersales/kernel';
import { SerialBusConsumer } from '@aftersales/nest';
import { partiesOf, TIMELINE_COLLECTION, TIMELINE_PARTIES, timelineEntryOf } from '../domain/timeline-entry';
import type { KeyedEntry } from '../domain/timeline-order';

export const TIMELINE_GROUP = 'timeline';
const PROJECTION = 'timelines';

/** The Kafka-mode timeline as a bus-fed view: rebuilt by replaying group `timeline`. */
export const busTimelineView: BusFedView = { name: PROJECTION, projection: PROJECTION, collections: [TIMELINE_COLLECTION, TIMELINE_PARTIES], group: TIMELINE_GROUP };

/**
 * The order timeline when every service keeps its own log: consumer group `timeline` reads every service topic and
 * keeps one `timelines` row per event under its order, numbered by arrival, with the key it sorts by (the order is
 * computed when the timeline is read: see orderTimeline). The row, the event id (dedupe) and the arrival counter commit
 * in one read-model transaction; deliveries are applied one at a time, and only those applied count as delivered.
 * Replaying group `timeline` re-reads every service topic from the start.
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
    const event = envelopeOf<EventEnvelope>(message);
    if (await this.readModels.wasProcessed(PROJECTION, event.eventId)) return false;
    const arrival = (await this.readModels.checkpoint(PROJECTION)) + 1;
    const row: KeyedEntry = {
      entry: timelineEntryOf(event, 0),
      key: { recordedAt: event.recordedAt, publishedAt: message.timestamp ?? 0, arrival, revision: event.revision },
    };
    await this.readModels.commit({
      projection: PROJECTION,
      checkpoint: arrival,
      puts: partiesOf(event) ? [{ collection: TIMELINE_PARTIES, doc: partiesOf(event)! }] : [],
      deletes: [],
      rows: [{ collection: TIMELINE_COLLECTION, parentId: partitionKeyOf(event.data), seq: arrival, value: { ...row } }],
      processedEventIds: [event.eventId],
    });
    return true;
  }
}
