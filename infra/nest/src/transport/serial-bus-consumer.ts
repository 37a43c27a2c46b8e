import type { BusMessage, ConsumerHandle, GroupReplayer, MessageBus, SideConsumer } from '@aftersales/kernel';
import type { GroupStatus } from './embedded-bus.transport';

/**
 * A consumer group a process runs beside its Nest handlers (the Kafka-mode timeline, the feeds of other services'
 * events into log projections): deliveries are applied one at a time, in the order the bus hands them over, and the
 * group can be replayed from the start of its topics.
 */
export abstract class SerialBusConsumer implements SideConsumer {
  private handle: ConsumerHandle | undefined;
  private applying: Promise<unknown> = Promise.resolve();
  private delivered = 0;

  protected constructor(
    private readonly bus: MessageBus,
    readonly group: string,
    readonly topics: string[],
  ) {}

  /** Applies one delivery; resolves whether it counts as delivered (see status()). */
  protected abstract apply(message: BusMessage): Promise<boolean>;

  readonly replayer: GroupReplayer = {
    consumesGroup: (group: string) => group === this.group,
    replay: (_group: string, whileStopped: () => Promise<void>) => this.replay(whileStopped),
  };

  async start(): Promise<void> {
    this.handle ??= await this.bus.subscribe(this.group, this.topics, (message) => this.serially(() => this.counted(message)));
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
  }

  /**
   * Re-reads the topics from the start: stops the consumer, runs `whileStopped` (e.g. dropping what it built), rewinds
   * the group and resolves once it has caught up, with the number of deliveries it counted meanwhile.
   */
  async replay(whileStopped: () => Promise<void> = async () => undefined): Promise<{ messages: number }> {
    await this.stop();
    await this.applying;
    await whileStopped();
    await this.bus.rewind(this.group, this.topics);
    const before = this.delivered;
    await this.start();
    await this.drain();
    return { messages: this.delivered - before };
  }

  async drain(): Promise<void> {
    await this.handle?.drain();
  }

  async status(): Promise<GroupStatus> {
    return { group: this.group, topics: this.topics, lag: this.handle ? await this.handle.lag() : 0, delivered: this.delivered };
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.applying.then(work);
    this.applying = next.catch(() => undefined);
    return next;
  }

  private async counted(message: BusMessage): Promise<void> {
    if (await this.apply(message)) this.delivered += 1;
  }
}
