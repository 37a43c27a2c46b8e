import { partitionKeyOf, ServiceNames, topicForEventType, topicOf, type EventEnvelope } from '@aftersales/contracts';
import type { BusFedView, BusMessage, ConsumerHandle, MessageBus, ReadModelStore } from '@aftersales/kernel';
import type { TimelineEntry } from '../domain/timeline-entry';
import { withEntry, type BusTimelineDocument } from '../domain/timeline-order';

export const TIMELINE_GROUP = 'timeline';
const PROJECTION = 'timelines';
const COLLECTION = 'timelines';

/** The Kafka-mode timeline as a bus-fed view: rebuilt by replaying group `timeline`. */
export const busTimelineView: BusFedView = { name: PROJECTION, projection: PROJECTION, collections: [COLLECTION], group: TIMELINE_GROUP };

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

  readonly replayer = {
    consumesGroup: (group: string) => group === TIMELINE_GROUP,
    replay: (_group: string, whileStopped: () => Promise<void>) => this.replay(whileStopped),
  };

  async start(): Promise<void> {
    this.handle ??= await this.bus.subscribe(TIMELINE_GROUP, this.topics, (message) => this.serially(() => this.apply(message)));
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
  }

  /**
   * Re-reads every service topic from the start: stops the consumer, runs `whileStopped` (dropping the timelines),
   * rewinds group `timeline` and resolves once it has caught up, with the number of events it applied meanwhile.
   */
  async replay(whileStopped: () => Promise<void> = async () => undefined): Promise<{ messages: number }> {
    await this.stop();
    await this.applying;
    await whileStopped();
    await this.bus.rewind(TIMELINE_GROUP, this.topics);
    const before = this.delivered;
    await this.start();
    await this.drain();
    return { messages: this.delivered - before };
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
