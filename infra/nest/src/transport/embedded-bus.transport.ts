import { Server, type CustomTransportStrategy, type MessageHandler as NestHandler, type MsPattern } from '@nestjs/microservices';
import { BusHeader, envelopeOf, inSpan, telemetry, type BusMessage, type ConsumerHandle, type MessageBus } from '@aftersales/kernel';
import { lastValueFrom, type Observable } from 'rxjs';
import { EmbeddedBusContext } from './embedded-bus.context';
import { processSpanOptions } from './process-span';

export const EMBEDDED_BUS_TRANSPORT = Symbol('EMBEDDED_BUS_TRANSPORT');

export interface EmbeddedBusTransportOptions {
  /** Consumer group of handlers whose @EventPattern has no `group` extra. Default `default`. */
  defaultGroup?: string;
  /** `messaging.system` of the consumer spans (when tracing is on). Default `aftersales_log`. */
  messagingSystem?: string;
}

/** A handler failed; the bus will deliver the message again. */
export class EventHandlerFailedError extends Error {
  constructor(
    readonly group: string,
    readonly busMessage: BusMessage,
    readonly reason: unknown,
  ) {
    super(`handler of group '${group}' failed on ${busMessage.topic}[${busMessage.partition}]@${busMessage.offset}: ${reasonText(reason)}`);
    this.name = 'EventHandlerFailedError';
  }
}

/** Where one consumer group stands: what it still has to handle, and how many messages this process handled. */
export interface GroupStatus {
  group: string;
  topics: string[];
  lag: number;
  /** Messages handled (and so committed) by this process since it started. */
  delivered: number;
}

/** Events of `on()`: `error` reports each failed delivery (the message is redelivered regardless). */
export type EmbeddedBusEvents = { error: (error: EventHandlerFailedError) => void };

/**
 * The extras of an `@EventPattern` this transport reads: `group`, and optionally `eventTypes`, the event types the
 * handler reacts to (every other one it must ignore). A group whose handlers of a topic all name their types is not
 * called for the other events of that topic: no parse, no Nest pipeline, and the log bus passes them over.
 */
export interface EventPatternExtras {
  group?: string;
  eventTypes?: readonly string[];
}

/**
 * Nest transport over our MessageBus. Each `@EventPattern(topic, { group })` handler joins consumer group `group`
 * on `topic`; one subscription per group covers all its topics. A message is committed only after every handler of
 * its group and topic completed (promise resolved, observable completed); an error makes the bus redeliver it.
 */
export class EmbeddedBusTransport extends Server<EmbeddedBusEvents> implements CustomTransportStrategy {
  override readonly transportId = EMBEDDED_BUS_TRANSPORT;
  private readonly defaultGroup: string;
  /** group → topic → first handler; further handlers of the same group and topic hang off `next`, as in Nest. */
  private readonly handlersByGroup = new Map<string, Map<string, NestHandler>>();
  /** group → topic → the event types its handlers react to; a topic absent here: every event (a handler named none). */
  private readonly eventTypesByGroup = new Map<string, Map<string, Set<string>>>();
  private readonly errorListeners: Array<EmbeddedBusEvents['error']> = [];
  private consumers: Array<{ group: string; handle: ConsumerHandle }> = [];
  private readonly delivered = new Map<string, number>();
  private lagObserved = false;
  private readonly messagingSystem: string;

  constructor(
    private readonly bus: MessageBus,
    options: EmbeddedBusTransportOptions = {},
  ) {
    super();
    this.defaultGroup = options.defaultGroup ?? 'default';
    this.messagingSystem = options.messagingSystem ?? 'aftersales_log';
  }

  override addHandler(pattern: unknown, callback: NestHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    if (!isEventHandler) return super.addHandler(pattern, callback, isEventHandler, extras);
    const topic = this.normalizePattern(pattern as MsPattern);
    const group = typeof extras.group === 'string' && extras.group.length > 0 ? extras.group : this.defaultGroup;
    callback.isEventHandler = true;
    callback.extras = extras;
    const ofGroup = this.handlersByGroup.get(group) ?? new Map<string, NestHandler>();
    this.handlersByGroup.set(group, ofGroup);
    const head = ofGroup.get(topic);
    this.rememberEventTypes(group, topic, !head, extras.eventTypes);
    if (!head) return void ofGroup.set(topic, callback);
    let tail: NestHandler = head;
    while (tail.next) tail = tail.next as NestHandler;
    tail.next = callback;
  }

  /** The consumer groups and their topics, as subscribed by listen(). */
  subscriptions(): Array<{ group: string; topics: string[] }> {
    return [...this.handlersByGroup].map(([group, handlers]) => ({ group, topics: [...handlers.keys()] }));
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    this.observeLag();
    try {
      for (const pattern of this.messageHandlers.keys()) {
        this.logger.warn(`@MessagePattern(${pattern}) ignored: the embedded bus carries events only`);
      }
      for (const group of this.handlersByGroup.keys()) this.consumers.push({ group, handle: await this.subscribeGroup(group) });
      this._status$.next('connected');
      callback();
    } catch (error) {
      await this.close();
      callback(error);
    }
  }

  /**
   * Restarts one group from the start of its topics: stops its consumer (in-flight handlers finish and commit), runs
   * `whileStopped` (e.g. dropping the view the group feeds), rewinds the group and subscribes the same handlers again.
   * Resolves once the group has caught up, with the number of messages it handled meanwhile.
   */
  async replayGroup(group: string, whileStopped: () => Promise<void> = async () => undefined): Promise<{ messages: number }> {
    const index = this.consumers.findIndex((consumer) => consumer.group === group);
    const handlers = this.handlersByGroup.get(group);
    if (index < 0 || !handlers) throw new Error(`no consumer group '${group}' runs on this transport`);
    await this.consumers[index].handle.stop();
    await whileStopped();
    await this.bus.rewind(group, [...handlers.keys()]);
    const before = this.delivered.get(group) ?? 0;
    const handle = await this.subscribeGroup(group);
    this.consumers[index] = { group, handle };
    await handle.drain();
    return { messages: (this.delivered.get(group) ?? 0) - before };
  }

  /** Stops the consumers (in-flight handlers finish and commit); the bus itself belongs to whoever made it. */
  async close(): Promise<void> {
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.all(consumers.map((consumer) => consumer.handle.stop()));
    this._status$.next('disconnected');
  }

  /** Resolves when every group has handled and committed everything published so far on its topics. */
  async drain(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.handle.drain()));
  }

  async lag(): Promise<number> {
    const groups = await this.groupStatus();
    return groups.reduce((sum, group) => sum + group.lag, 0);
  }

  /** Lag and deliveries per consumer group of this transport. */
  async groupStatus(): Promise<GroupStatus[]> {
    const topicsOf = new Map(this.subscriptions().map(({ group, topics }) => [group, topics]));
    return Promise.all(
      this.consumers.map(async ({ group, handle }) => ({
        group,
        topics: topicsOf.get(group) ?? [],
        lag: await handle.lag(),
        delivered: this.delivered.get(group) ?? 0,
      })),
    );
  }

  on<EventKey extends keyof EmbeddedBusEvents, EventCallback extends EmbeddedBusEvents[EventKey]>(
    event: EventKey,
    callback: EventCallback,
  ): void {
    if (event === 'error') this.errorListeners.push(callback);
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  /** The first handler of a group and topic sets its types; a later one adds its own, or lifts the filter if it names none. */
  private rememberEventTypes(group: string, topic: string, first: boolean, eventTypes: unknown): void {
    const ofGroup = this.eventTypesByGroup.get(group) ?? new Map<string, Set<string>>();
    this.eventTypesByGroup.set(group, ofGroup);
    const named = Array.isArray(eventTypes) ? eventTypes.filter((type): type is string => typeof type === 'string') : undefined;
    const known = ofGroup.get(topic);
    if (!named) ofGroup.delete(topic);
    else if (first) ofGroup.set(topic, new Set(named));
    else named.forEach((type) => known?.add(type));
  }

  private subscribeGroup(group: string): Promise<ConsumerHandle> {
    const handlers = this.handlersByGroup.get(group)!;
    const typesOf = this.eventTypesByGroup.get(group) ?? new Map<string, Set<string>>();
    const accepts = (topic: string, eventType: string | undefined): boolean => {
      const types = typesOf.get(topic);
      return !types || eventType === undefined || types.has(eventType);
    };
    return this.bus.subscribe(
      group,
      [...handlers.keys()],
      async (message) => {
        // A bus that does not filter (Kafka) still hands every message over: passed over here, unparsed.
        if (!accepts(message.topic, message.headers[BusHeader.eventType])) return;
        await this.deliver(group, handlers.get(message.topic)!, message);
        this.delivered.set(group, (this.delivered.get(group) ?? 0) + 1);
      },
      { accepts },
    );
  }

  private async deliver(group: string, handler: NestHandler, message: BusMessage): Promise<void> {
    const context = new EmbeddedBusContext([message, group]);
    try {
      const payload: unknown = envelopeOf(message);
      if (!telemetry().enabled) return await this.dispatch(handler, payload, context);
      await inSpan(`process ${message.topic}`, processSpanOptions(this.messagingSystem, group, message, payload), () => this.dispatch(handler, payload, context));
    } catch (reason) {
      const error = new EventHandlerFailedError(group, message, reason);
      for (const listener of this.errorListeners) listener(error);
      throw error;
    }
  }

  private dispatch(handler: NestHandler, payload: unknown, context: EmbeddedBusContext): Promise<void> {
    return new Promise<void>((resolve, reject) => {
        this.onProcessingStartHook(this.transportId, context, async () => {
          try {
            const result: unknown = await handler(payload, context);
            await lastValueFrom(this.transformToObservable(result) as Observable<unknown>, { defaultValue: undefined });
            this.onProcessingEndHook?.(this.transportId, context);
            resolve();
          } catch (error) {
            reject(error);
          }
        });
      });
  }

  /** With metrics on: each group's lag, read when metrics are collected. */
  private observeLag(): void {
    if (!telemetry().enabled || this.lagObserved) return;
    this.lagObserved = true;
    telemetry().gauge('aftersales.consumer.lag', { description: 'Messages published on a consumer group\'s topics and not yet handled by it', unit: '{message}' }, async () =>
      (await this.groupStatus()).map(({ group, lag }) => ({ value: lag, attributes: { 'messaging.consumer.group.name': group } })),
    );
  }
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'object' && reason !== null && 'message' in reason) return String(reason.message);
  return String(reason);
}

/** The same transport, named for what it is: Nest's bridge to any MessageBus (the SQLite bus or Kafka). */
export { EmbeddedBusTransport as MessageBusTransport };
