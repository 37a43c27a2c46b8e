import { allEvents, topicForEventType, type EventEnvelope } from '@aftersales/contracts';
import { BufferedUnitOfWork, type BusMessage, type MessageBus, type Projection, type ReadModelStore } from '@aftersales/kernel';
import { SerialBusConsumer } from '@aftersales/nest';

/**
 * Projections of a service that read other services' events (e.g. compensation's order facts), when every service has
 * its own log: the foreign events come from their topics instead of the shared log. Each delivery is applied and
 * committed with the event id in one read-model transaction under `<projection>@bus`, so a redelivery changes nothing;
 * the projection's own checkpoint over the local log is untouched. Deliveries are applied one at a time, and each
 * counts as delivered, applied or not. A replay's `whileStopped` is e.g. a projection's rebuild from the local log and
 * dropping its `<projection>@bus` processed ids; projections whose processed ids were kept skip what they already applied.
 */
export class ForeignEventFeed extends SerialBusConsumer {
  private constructor(
    bus: MessageBus,
    private readonly readModels: ReadModelStore,
    group: string,
    private readonly projectionFeeds: Array<{ projection: Projection; types: Set<string> }>,
    topics: string[],
  ) {
    super(bus, group, topics);
  }

  /** The feed of the projections that handle event types published on other topics than `localTopic`; undefined if none. */
  static of(options: {
    bus: MessageBus;
    readModels: ReadModelStore;
    group: string;
    projections: Projection[];
    localTopic: string;
  }): ForeignEventFeed | undefined {
    const feeds = options.projections
      .map((projection) => ({
        projection,
        types: new Set(
          allEvents.map((event) => event.type).filter((type) => projection.handles(type) && topicForEventType(type) !== options.localTopic),
        ),
      }))
      .filter((feed) => feed.types.size > 0);
    if (feeds.length === 0) return undefined;
    const topics = [...new Set(feeds.flatMap((feed) => [...feed.types].map(topicForEventType)))].sort();
    return new ForeignEventFeed(options.bus, options.readModels, options.group, feeds, topics);
  }

  /** Whether this feed applies foreign events to the projection of that name. */
  feedsProjection(projectionName: string): boolean {
    return this.projectionFeeds.some(({ projection }) => projection.name === projectionName);
  }

  protected async apply(message: BusMessage): Promise<boolean> {
    const event = JSON.parse(message.value) as EventEnvelope;
    for (const { projection, types } of this.projectionFeeds) {
      if (!types.has(event.type)) continue;
      const name = `${projection.name}@bus`;
      if (await this.readModels.wasProcessed(name, event.eventId)) continue;
      const uow = new BufferedUnitOfWork(this.readModels);
      await projection.apply(event, uow);
      await this.readModels.commit(uow.toBatch(name, (await this.readModels.checkpoint(name)) + 1, [event.eventId]));
    }
    return true;
  }
}
