import { partitionKeyOf } from '@aftersales/contracts';
import type { CheckpointStore } from '../ports/checkpoint-store';
import type { EventStore } from '../ports/event-store';
import type { MessageBus, OutgoingMessage } from '../ports/message-bus';
import { LiveLoop } from '../support/live-loop';
import { messageOfEvent } from './bus-headers';
import { telemetry, type TelemetrySpan } from '../telemetry/telemetry';
import { endSendSpans, startSendSpan } from './publish-spans';

export interface EventPublisherOptions {
  eventStore: EventStore;
  bus: MessageBus;
  checkpoints: CheckpointStore;
  /** Topic of an event type (from the contracts catalogue); throwing stops the publisher at that event, loudly. */
  topicFor: (eventType: string) => string;
  /** Name of the publisher's checkpoint. Default `event-publisher`. */
  checkpointName?: string;
  /** Events read and published per round. Default 500. */
  batchSize?: number;
  onError?: (error: unknown) => void;
  /** `messaging.system` of the producer spans (when tracing is on). Default `aftersales_log`. */
  messagingSystem?: string;
}

/**
 * The only writer to the bus: follows the event log's all-stream from its checkpoint, publishes each committed
 * event to its topic, then saves the checkpoint. A crash between the two publishes a batch again (at-least-once);
 * consumers dedupe by event id.
 */
export class EventPublisher {
  private readonly checkpointName: string;
  private readonly batchSize: number;
  private readonly loop: LiveLoop;
  private published: number | undefined;
  /** Rounds run one after another, whether started by the live loop or by catchUp(). */
  private lastRound: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EventPublisherOptions) {
    this.checkpointName = options.checkpointName ?? 'event-publisher';
    this.batchSize = options.batchSize ?? 500;
    this.loop = new LiveLoop(
      options.eventStore,
      () => this.position(),
      () => this.publishAvailable(),
      options.onError ?? ((error) => console.error('[event-publisher]', error)),
    );
  }

  /** Publishes continuously: whenever the log grows, its new events go to the bus. */
  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.lastRound;
  }

  /** Publishes everything committed before the call and resolves; rejects if a round fails. */
  async catchUp(): Promise<void> {
    const head = await this.options.eventStore.headPosition();
    while ((await this.position()) < head) {
      if ((await this.nextRound()) === 0) return;
    }
  }

  /** Global position of the last event published (and checkpointed). */
  async position(): Promise<number> {
    this.published ??= (await this.options.checkpoints.get(this.checkpointName)) ?? 0;
    return this.published;
  }

  /**
   * Events committed to the log and not yet published, on these topics (read from the publisher's position; at most
   * `limit` events are looked at, so a long backlog counts as at least what was seen).
   */
  async backlog(topics: readonly string[], limit = 1_000): Promise<number> {
    const wanted = new Set(topics);
    const pending = await this.options.eventStore.readAll(await this.position(), limit);
    return pending.filter((event) => wanted.has(this.options.topicFor(event.type))).length;
  }

  private async publishAvailable(): Promise<void> {
    while ((await this.nextRound()) > 0);
  }

  private nextRound(): Promise<number> {
    const round = this.lastRound.then(() => this.publishBatch());
    this.lastRound = round.catch(() => undefined);
    return round;
  }

  private async publishBatch(): Promise<number> {
    const events = await this.options.eventStore.readAll(await this.position(), this.batchSize);
    if (events.length === 0) return 0;
    const byTopic = new Map<string, OutgoingMessage[]>();
    const spans: Array<TelemetrySpan | undefined> | undefined = telemetry().enabled ? [] : undefined;
    for (const event of events) {
      const topic = this.options.topicFor(event.type);
      const messages = byTopic.get(topic) ?? [];
      const message = messageOfEvent(event, partitionKeyOf);
      if (spans) spans.push(startSendSpan(topic, event, message, this.options.messagingSystem ?? 'aftersales_log'));
      messages.push(message);
      byTopic.set(topic, messages);
    }
    try {
      for (const [topic, messages] of byTopic) await this.options.bus.publish(topic, messages);
    } catch (error) {
      if (spans) endSendSpans(spans, error);
      throw error;
    }
    if (spans) endSendSpans(spans);
    const last = events[events.length - 1].position;
    await this.options.checkpoints.set(this.checkpointName, last);
    this.published = last;
    return events.length;
  }
}

/**
 * The process's bus as its services see it: a group's lag also counts the events of this process's log that the
 * publisher has not put on the bus yet (embedded mode: one log for every service, so a view fed from the bus is behind
 * the log until they are published). Everything else goes to the bus as it is.
 */
export function withPublisherBacklog(bus: MessageBus, publisher: Pick<EventPublisher, 'backlog'>): MessageBus {
  return {
    publish: (topic, messages) => bus.publish(topic, messages),
    subscribe: (groupId, topics, handler, options) => bus.subscribe(groupId, topics, handler, options),
    rewind: (groupId, topics) => bus.rewind(groupId, topics),
    lag: async (groupId, topics) => (await publisher.backlog(topics)) + (await bus.lag(groupId, topics)),
    close: () => bus.close(),
  };
}
