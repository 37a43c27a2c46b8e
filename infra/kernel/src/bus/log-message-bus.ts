import { partitionKeyOf, topicForEventType } from '@aftersales/contracts';
import type { EventStore, RecordedEvent } from '../ports/event-store';
import type { ConsumerHandle, MessageBus, MessageHandler, OutgoingMessage, SubscribeOptions } from '../ports/message-bus';
import { deepFrozen } from '../support/deep-frozen';
import { jsonCopy } from '../support/json-copy';
import { lazyMessageOfEvent } from './bus-headers';
import { consoleBusLogger, defaultRetryPolicy, type BusLogger, type RetryPolicy } from './consumer-support';
import type { GroupOffsetStore } from './group-offsets';
import { LogConsumer } from './log-consumer';
import type { LogRouting } from './log-routing';
import { SharedLogReads } from './shared-log-reads';

export interface LogMessageBusOptions {
  /** The log the groups read: the topics are those of its events. */
  log: EventStore;
  offsets: GroupOffsetStore;
  /** Default: the contract topic of the event type, and the message the EventPublisher would publish. */
  routing?: LogRouting;
  /** Keys are spread over this many lanes per group, handled concurrently. Default 32. */
  lanes?: number;
  /** Events read per query. Default 500. */
  batchSize?: number;
  /** Deliveries a group reads ahead of its oldest unfinished one. Default 5 000. */
  maxOutstanding?: number;
  /** How long a group's handled deliveries wait to share one commit of its position (a restart redelivers at most
   * that much, deduped by event id; drain() and stop() commit at once). Default 250 ms. */
  commitDelayMs?: number;
  /** A group that only skips events (none on its topics) commits its position every this many events. Default 10 000. */
  skipCommitInterval?: number;
  retry?: Partial<RetryPolicy>;
  logger?: BusLogger;
  /**
   * Called before a group commits a position, to make durable what its handlers did up to there (a read-model store
   * that holds batches in memory flushes them): a crash never leaves a position committed past an effect it lost.
   */
  beforeCommit?: () => Promise<void>;
}

/**
 * The routing of the embedded runtime: each event on its contract topic, keyed by order id, as the publisher sends it.
 * Its groups take the envelope decoded once for all of them (a JSON copy of the event, frozen); the text is written
 * only if something reads it.
 */
export const contractRouting: LogRouting = {
  topicOf: (event) => topicForEventType(event.type),
  messageOf: (event) => lazyMessageOfEvent(event, partitionKeyOf),
  envelopeOf: (event) => deepFrozen(jsonCopy(event)),
};

/**
 * A MessageBus over the committed event log itself (one process, one log: the embedded runtime). A topic is the set
 * of log events routed to it; a consumer group keeps only its position per topic (a log position) in `offsets`, never
 * a copy of the events. Delivery is in log order per key, at-least-once; consumers wake on append. There is nothing
 * to publish: the log is the bus, so `publish` refuses (append to the event store instead).
 */
export class LogMessageBus implements MessageBus {
  private readonly routing: LogRouting;
  private readonly reads: SharedLogReads;
  private readonly retry: RetryPolicy;
  private readonly consumers = new Set<LogConsumer>();
  /** `group\u0000topic` pairs consumed right now: one consumer per group and topic. */
  private readonly activeAssignments = new Map<string, LogConsumer>();
  private closing: Promise<void> | undefined;

  constructor(private readonly options: LogMessageBusOptions) {
    this.routing = options.routing ?? contractRouting;
    this.reads = new SharedLogReads(options.log, this.routing);
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    const lanes = options.lanes ?? 32;
    if (!Number.isInteger(lanes) || lanes < 1) throw new RangeError('lanes must be a positive integer');
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    throw new Error(`the log bus delivers the events of its log; nothing can be published to ${topic} (append the events to the event store)`);
  }

  /** Events `options.accepts` refuses are passed over in the log: no delivery, no lane, the position moves past them. */
  async subscribe(groupId: string, topics: string[], handler: MessageHandler, options: SubscribeOptions = {}): Promise<ConsumerHandle> {
    this.assertOpen();
    if (groupId.length === 0) throw new Error('a consumer group id must not be empty');
    const uniqueTopics = [...new Set(topics)];
    if (uniqueTopics.length === 0) throw new Error('subscribe needs at least one topic');
    const assignments = uniqueTopics.map((topic) => `${groupId}\u0000${topic}`);
    const taken = uniqueTopics.filter((_, i) => this.activeAssignments.has(assignments[i]));
    if (taken.length > 0) throw new Error(`group '${groupId}' already consumes ${taken.join(', ')} on this bus`);
    const consumer: LogConsumer = new LogConsumer({
      groupId,
      topics: uniqueTopics,
      handler,
      accepts: options.accepts,
      log: this.options.log,
      offsets: this.options.offsets,
      routing: this.routing,
      reads: this.reads,
      lanes: this.options.lanes ?? 32,
      batchSize: this.options.batchSize ?? 500,
      maxOutstanding: this.options.maxOutstanding ?? 5_000,
      commitDelayMs: this.options.commitDelayMs ?? 250,
      skipCommitInterval: this.options.skipCommitInterval ?? 10_000,
      beforeCommit: this.options.beforeCommit,
      retry: this.retry,
      logger: this.options.logger ?? consoleBusLogger,
      countBehind: (positions) => this.countBehind(positions),
      onStopped: () => {
        assignments.forEach((a) => this.activeAssignments.delete(a));
        this.consumers.delete(consumer);
      },
    });
    assignments.forEach((a) => this.activeAssignments.set(a, consumer));
    this.consumers.add(consumer);
    return consumer;
  }

  async rewind(groupId: string, topics: string[]): Promise<void> {
    this.assertOpen();
    const uniqueTopics = [...new Set(topics)];
    if (uniqueTopics.some((topic) => this.activeAssignments.has(`${groupId}\u0000${topic}`))) {
      throw new Error(`group '${groupId}' is consuming on this bus: stop it before rewinding`);
    }
    this.options.offsets.commit(groupId, uniqueTopics.map((topic) => ({ topic, position: 0 })));
  }

  /** Events on these topics after the group's position (a live consumer's, handled but not committed yet, counts). */
  async lag(groupId: string, topics: string[]): Promise<number> {
    this.assertOpen();
    const positions = new Map<string, number>();
    for (const topic of new Set(topics)) {
      const live = this.activeAssignments.get(`${groupId}\u0000${topic}`)?.positions().get(topic);
      positions.set(topic, live ?? this.options.offsets.position(groupId, topic) ?? 0);
    }
    return this.countBehind(positions);
  }

  /** Stops every consumer (letting in-flight handlers finish and commit), then closes the offsets. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
      this.options.offsets.close();
    })();
    return this.closing;
  }

  /** Reads the log after the lowest position and counts the events each topic has not passed yet. */
  private async countBehind(positions: ReadonlyMap<string, number>): Promise<number> {
    if (positions.size === 0) return 0;
    const head = await this.options.log.headPosition();
    let from = Math.min(...positions.values());
    let behind = 0;
    while (from < head) {
      const events = await this.reads.readAll(from, 1_000);
      if (events.length === 0) break;
      for (const event of events) behind += this.isBehind(event, positions) ? 1 : 0;
      from = events[events.length - 1].position;
    }
    return behind;
  }

  private isBehind(event: RecordedEvent, positions: ReadonlyMap<string, number>): boolean {
    let topic: string;
    try {
      topic = this.routing.topicOf(event);
    } catch {
      return false; // an event without a topic is no group's lag (the readers stop on it, loudly)
    }
    const position = positions.get(topic);
    return position !== undefined && event.position > position;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the message bus is closed');
  }
}
