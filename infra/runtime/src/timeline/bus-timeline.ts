import { partitionKeyOf, ServiceNames, topicForEventType, topicOf, type EventEnvelope } from '@aftersales/contracts';
import type { BusMessage, ConsumerHandle, MessageBus, ReadModelStore } from '@aftersales/kernel';
import type { TimelineEntry } from './timeline-projection';
import { withEntry, type BusTimelineDocument } from './timeline-order';

export const TIMELINE_GROUP = 'timeline';
const PROJECTION = 'timelines';
const COLLECTION = 'timelines';

/**
 * The order timeline when every service keeps its own log: consumer group `timeline` reads every service topic and
 * keeps the same `timelines` documents the log projection keeps in the embedded runtime. The document, the event id
 * (dedupe) and the arrival counter commit in one read-model transaction; deliveries are applied one at a time.
 */
export class BusTimeline {
  private handle: ConsumerHandle | undefined;
  private applying: Promise<unknown> = Promise.resolve();
  private delivered = 0;
  readonly topics = ServiceNames.map((service) => topicOf(service));

  constructor(
    private readonly bus: MessageBus,
    private readonly readModels: ReadModelStore,
  ) {}

  async start(): Promise<void> {
    this.handle ??= await this.bus.subscribe(TIMELINE_GROUP, this.topics, (message) => this.serially(() => this.apply(message)));
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
  }

  async drain(): Promise<void> {
    await this.handle?.drain();
  }

  async status(): Promise<{ group: string; topics: string[]; lag: number; delivered: number }> {
    return { group: TIMELINE_GROUP, topics: this.topics, lag: this.handle ? await this.handle.lag() : 0, delivered: this.delivered };
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.applying.then(work);
    this.applying = next.catch(() => undefined);
    return next;
  }

  private async apply(message: BusMessage): Promise<void> {
    const event = JSON.parse(message.value) as EventEnvelope;
    if (await this.readModels.wasProcessed(PROJECTION, event.eventId)) return;
    const orderId = partitionKeyOf(event.data);
    const doc = (await this.readModels.get<BusTimelineDocument>(COLLECTION, orderId)) ?? { id: orderId, orderId, entries: [], sortKeys: {} };
    const arrival = (await this.readModels.checkpoint(PROJECTION)) + 1;
    const entry: TimelineEntry = {
      position: 0,
      eventId: event.eventId,
      type: event.type,
      service: topicForEventType(event.type).split('.')[1],
      streamId: event.streamId,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId,
    };
    const next = withEntry(doc, entry, { recordedAt: event.recordedAt, publishedAt: message.timestamp ?? 0, arrival, revision: event.revision });
    await this.readModels.commit({
      projection: PROJECTION,
      checkpoint: arrival,
      puts: [{ collection: COLLECTION, doc: next }],
      deletes: [],
      processedEventIds: [event.eventId],
    });
    this.delivered += 1;
  }
}
