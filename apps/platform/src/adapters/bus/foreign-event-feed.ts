import { allEvents, topicForEventType, type EventEnvelope } from '@aftersales/contracts';
import { BufferedUnitOfWork, type BusMessage, type ConsumerHandle, type MessageBus, type Projection, type ReadModelStore } from '@aftersales/kernel';

/**
 * Projections of a service that read other services' events (e.g. compensation's order facts), when every service has
 * its own log: the foreign events come from their topics instead of the shared log. Each delivery is applied and
 * committed with the event id in one read-model transaction under `<projection>@bus`, so a redelivery changes nothing;
 * the projection's own checkpoint over the local log is untouched. Deliveries are applied one at a time.
 */
export class ForeignEventFeed {
  private handle: ConsumerHandle | undefined;
  private applying: Promise<unknown> = Promise.resolve();
  private delivered = 0;

  private constructor(
    private readonly bus: MessageBus,
    private readonly readModels: ReadModelStore,
    readonly group: string,
    private readonly projectionFeeds: Array<{ projection: Projection; types: Set<string> }>,
    readonly topics: string[],
  ) {}

  /** The feed of the projections that handle event types published on other topics than `localTopic`; undefined if none. */
  static of(options: { bus: MessageBus; readModels: ReadModelStore; group: string; projections: Projection[]; localTopic: string }): ForeignEventFeed | undefined {
    const feeds = options.projections
      .map((projection) => ({
        projection,
        types: new Set(allEvents.map((event) => event.type).filter((type) => projection.handles(type) && topicForEventType(type) !== options.localTopic)),
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

  readonly replayer = {
    consumesGroup: (group: string) => group === this.group,
    replay: (_group: string, whileStopped: () => Promise<void>) => this.replay(whileStopped),
  };

  /**
   * Re-reads the foreign topics from the start: stops the consumer, runs `whileStopped` (e.g. a projection's rebuild
   * from the local log and dropping its `<projection>@bus` processed ids), rewinds the group and resolves once it has
   * caught up. Projections whose processed ids were kept skip what they already applied.
   */
  async replay(whileStopped: () => Promise<void>): Promise<{ messages: number }> {
    await this.stop();
    await this.applying;
    await whileStopped();
    await this.bus.rewind(this.group, this.topics);
    const before = this.delivered;
    await this.start();
    await this.drain();
    return { messages: this.delivered - before };
  }

  async start(): Promise<void> {
    this.handle ??= await this.bus.subscribe(this.group, this.topics, (message) => this.serially(() => this.apply(message)));
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
    return { group: this.group, topics: this.topics, lag: this.handle ? await this.handle.lag() : 0, delivered: this.delivered };
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.applying.then(work);
    this.applying = next.catch(() => undefined);
    return next;
  }

  private async apply(message: BusMessage): Promise<void> {
    const event = JSON.parse(message.value) as EventEnvelope;
    for (const { projection, types } of this.projectionFeeds) {
      if (!types.has(event.type)) continue;
      const name = `${projection.name}@bus`;
      if (await this.readModels.wasProcessed(name, event.eventId)) continue;
      const uow = new BufferedUnitOfWork(this.readModels);
      await projection.apply(event, uow);
      await this.readModels.commit(uow.toBatch(name, (await this.readModels.checkpoint(name)) + 1, [event.eventId]));
    }
    this.delivered += 1;
  }
}
