import 'reflect-metadata';
import { Controller, Inject, Injectable, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { map, timer, type Observable } from 'rxjs';
import { topicOf, type EventEnvelope } from '@aftersales/contracts';
import { EventPublisher, InMemoryEventStore, InMemoryGroupOffsets, LogMessageBus, type MessageBus, type NewEvent } from '@aftersales/kernel';
import { sampleEvent } from '@aftersales/kernel/testing';
import { SqliteMessageBus } from '@aftersales/sqlite';
import { EmbeddedBusContext } from './embedded-bus.context';
import { EmbeddedBusTransport } from './embedded-bus.transport';

const LOGISTICS = topicOf('logistics');
const ORDER = topicOf('order');

interface Effect {
  group: string;
  handler: string;
  eventId: string;
  orderId: string;
  topic: string;
  partition: number;
  offset: number;
  key: string;
  headers: Record<string, string>;
}

/** What the handlers did, plus knobs to make them slow or failing. */
@Injectable()
class Effects {
  readonly done: Effect[] = [];
  readonly attempts: string[] = [];
  failuresLeft = 0;
  hold: Promise<void> | undefined;
  started = 0;

  async perform(group: string, handler: string, event: EventEnvelope, ctx: EmbeddedBusContext): Promise<void> {
    this.started += 1;
    this.attempts.push(`${handler}:${event.eventId}`);
    if (this.hold) await this.hold;
    if (handler === 'order.onLogistics' && this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('downstream unavailable');
    }
    this.record(group, handler, event, ctx);
  }

  record(group: string, handler: string, event: EventEnvelope, ctx: EmbeddedBusContext): void {
    const { orderId } = event.data as { orderId: string };
    this.done.push({
      group,
      handler,
      eventId: event.eventId,
      orderId,
      topic: ctx.getTopic(),
      partition: ctx.getPartition(),
      offset: ctx.getOffset(),
      key: ctx.getKey(),
      headers: ctx.getHeaders(),
    });
  }
}

@Controller()
class OrderReactions {
  constructor(@Inject(Effects) private readonly effects: Effects) {}

  @EventPattern(LOGISTICS, { group: 'order' })
  onLogistics(@Payload() event: EventEnvelope, @Ctx() ctx: EmbeddedBusContext): Promise<void> {
    return this.effects.perform('order', 'order.onLogistics', event, ctx);
  }

  @EventPattern(LOGISTICS, { group: 'order' })
  async auditLogistics(@Payload() event: EventEnvelope, @Ctx() ctx: EmbeddedBusContext): Promise<void> {
    this.effects.record(ctx.getGroup(), 'order.auditLogistics', event, ctx);
  }
}

@Controller()
class RefundReactions {
  constructor(@Inject(Effects) private readonly effects: Effects) {}

  /** Returns an observable: the offset must wait until it completes. */
  @EventPattern(LOGISTICS, { group: 'refund' })
  onLogistics(@Payload() event: EventEnvelope, @Ctx() ctx: EmbeddedBusContext): Observable<void> {
    return timer(30).pipe(map(() => this.effects.record('refund', 'refund.onLogistics', event, ctx)));
  }

  /** No group: the transport's default group. */
  @EventPattern(ORDER)
  onOrder(@Payload() event: EventEnvelope, @Ctx() ctx: EmbeddedBusContext): void {
    this.effects.record(ctx.getGroup(), 'default.onOrder', event, ctx);
  }
}

@Module({ controllers: [OrderReactions, RefundReactions], providers: [Effects] })
class ReactionsModule {}

const topicFor = (type: string): string => (type.startsWith('Shipment') ? LOGISTICS : ORDER);
const quiet = { warn: () => undefined, error: () => undefined };
const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await tick();
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('EmbeddedBusTransport', () => {
  let store: InMemoryEventStore;
  let bus: SqliteMessageBus;
  let publisher: EventPublisher;
  let transport: EmbeddedBusTransport;
  let app: INestMicroservice;
  let effects: Effects;

  const startApp = async (): Promise<void> => {
    transport = new EmbeddedBusTransport(bus, { defaultGroup: 'ops' });
    app = await NestFactory.createMicroservice<MicroserviceOptions>(ReactionsModule, { strategy: transport, logger: false });
    await app.listen();
    effects = app.get(Effects);
  };
  const commit = async (streamId: string, event: NewEvent): Promise<void> => {
    await store.append(streamId, [event], 'any');
    await publisher.catchUp();
  };
  const shipmentDispatched = (orderId: string): NewEvent => sampleEvent('ShipmentDispatched', { orderId, shipmentId: `s-${orderId}` });

  beforeEach(async () => {
    store = new InMemoryEventStore();
    bus = new SqliteMessageBus({ filename: ':memory:', retry: { initialDelayMs: 5, maxDelayMs: 20 }, logger: quiet });
    publisher = new EventPublisher({ eventStore: store, bus, checkpoints: bus.checkpoints, topicFor });
    await startApp();
  });

  afterEach(async () => {
    await app.close();
    await bus.close();
  });

  it('given handlers declared with @EventPattern(topic, { group }), then the transport subscribes one consumer group per group', () => {
    expect(transport.subscriptions()).toEqual([
      { group: 'order', topics: [LOGISTICS] },
      { group: 'refund', topics: [LOGISTICS] },
      { group: 'ops', topics: [ORDER] },
    ]);
  });

  it('given a committed logistics event, when it is published, then the handler gets the envelope and a context like KafkaContext', async () => {
    const event = shipmentDispatched('o-7');

    await commit('shipment-s-o-7', event);
    await transport.drain();

    const [recorded] = await store.readStream('shipment-s-o-7');
    const got = effects.done.find((e) => e.handler === 'order.onLogistics');
    expect(got).toEqual({
      group: 'order',
      handler: 'order.onLogistics',
      eventId: event.eventId,
      orderId: 'o-7',
      topic: LOGISTICS,
      partition: expect.any(Number),
      offset: 0,
      key: 'o-7',
      headers: expect.objectContaining({ 'event-id': event.eventId, 'event-type': 'ShipmentDispatched', position: '1' }),
    });
    expect(recorded.eventId).toBe(got?.eventId);
    expect(await transport.lag()).toBe(0);
  });

  it('given one topic consumed by two groups and two handlers in one group, then every handler runs once, observable ones included', async () => {
    const shipped = shipmentDispatched('o-1');
    const placed = sampleEvent('OrderPlaced', { orderId: 'o-1' });

    await commit('shipment-s-o-1', shipped);
    await commit('order-o-1', placed);
    await transport.drain();

    expect(effects.done.map((e) => `${e.group}/${e.handler}/${e.eventId}`).sort()).toEqual(
      [
        `order/order.auditLogistics/${shipped.eventId}`,
        `order/order.onLogistics/${shipped.eventId}`,
        `ops/default.onOrder/${placed.eventId}`,
        `refund/refund.onLogistics/${shipped.eventId}`,
      ].sort(),
    );
  });

  it('given a group that handled its events, when it is replayed, then only that group gets them again, after its whileStopped step', async () => {
    const shipped = shipmentDispatched('o-5');
    await commit('shipment-s-o-5', shipped);
    await transport.drain();
    const doneBefore = effects.done.length;
    const steps: string[] = [];

    const replay = await transport.replayGroup('refund', async () => void steps.push(`stopped with ${effects.done.length} effects`));

    expect(steps).toEqual([`stopped with ${doneBefore} effects`]);
    expect(replay).toEqual({ messages: 1 });
    expect(effects.done.slice(doneBefore).map((e) => `${e.group}/${e.eventId}`)).toEqual([`refund/${shipped.eventId}`]);
    expect(await transport.lag()).toBe(0);
    await commit('shipment-s-o-6', shipmentDispatched('o-6'));
    await transport.drain();
    expect(effects.done.filter((e) => e.group === 'refund').map((e) => e.orderId)).toEqual(['o-5', 'o-5', 'o-6']);
  });

  it('given no such group, when it is replayed, then the transport refuses', async () => {
    await expect(transport.replayGroup('nobody')).rejects.toThrow("no consumer group 'nobody'");
  });

  it('given a handler still working, then its offset is not committed: lag stays and drain waits until the effect is done', async () => {
    let release!: () => void;
    effects.hold = new Promise<void>((resolve) => (release = resolve));

    await commit('shipment-s-o-2', shipmentDispatched('o-2'));
    await until(() => effects.started > 0, 'the handler started');
    const drained = transport.drain();
    await tick(50);

    expect(effects.done.filter((e) => e.handler === 'order.onLogistics')).toEqual([]);
    expect(await transport.lag()).toBeGreaterThanOrEqual(1);

    release();
    await drained;
    expect(effects.done.filter((e) => e.handler === 'order.onLogistics')).toHaveLength(1);
    expect(await transport.lag()).toBe(0);
  });

  it('given a handler that throws twice, then the bus redelivers the event until it succeeds, and only then commits', async () => {
    effects.failuresLeft = 2;
    const event = shipmentDispatched('o-3');
    const failures: unknown[] = [];
    transport.on('error', (error) => void failures.push(error));

    await commit('shipment-s-o-3', event);
    await transport.drain();

    expect(effects.attempts.filter((a) => a === `order.onLogistics:${event.eventId}`)).toHaveLength(3);
    expect(failures).toHaveLength(2);
    expect(String(failures[0])).toContain(`group 'order' failed on ${LOGISTICS}`);
    expect(effects.done.filter((e) => e.handler === 'order.onLogistics')).toHaveLength(1);
    expect(await transport.lag()).toBe(0);
  });

  it('given a handler that kept failing until the service stopped, when the service starts again, then the event is delivered again', async () => {
    effects.failuresLeft = Number.MAX_SAFE_INTEGER;
    const event = shipmentDispatched('o-4');
    await commit('shipment-s-o-4', event);
    await until(() => effects.attempts.length > 0, 'the handler was tried');
    await app.close();

    await startApp();
    await transport.drain();

    expect(effects.done.filter((e) => e.handler === 'order.onLogistics').map((e) => e.eventId)).toEqual([event.eventId]);
  });
});

/** Who was called with what, in the groups whose handlers name their event types (or not). */
@Injectable()
class Calls {
  readonly seen: string[] = [];
}

@Controller()
class TypedReactions {
  constructor(@Inject(Calls) private readonly calls: Calls) {}

  @EventPattern(LOGISTICS, { group: 'tracking', eventTypes: ['ShipmentDelivered'] })
  onDelivered(@Payload() event: EventEnvelope): void {
    this.calls.seen.push(`tracking.onDelivered ${event.type}`);
  }

  @EventPattern(LOGISTICS, { group: 'tracking', eventTypes: ['ShipmentReturned'] })
  onReturned(@Payload() event: EventEnvelope): void {
    this.calls.seen.push(`tracking.onReturned ${event.type}`);
  }

  @EventPattern(LOGISTICS, { group: 'audit' })
  onAny(@Payload() event: EventEnvelope): void {
    this.calls.seen.push(`audit.onAny ${event.type}`);
  }
}

@Module({ controllers: [TypedReactions], providers: [Calls] })
class TypedReactionsModule {}

describe.each([
  ['a bus that filters (the log bus)', 'log'],
  ['a bus that hands over everything (SQLite bus, like Kafka)', 'sqlite'],
] as const)('EmbeddedBusTransport with handlers naming their event types, on %s', (_, kind) => {
  it('given dispatched, delivered and returned events, then a group is called only for the types its handlers name, every handler of it for their union, and it lags nothing', async () => {
    const store = new InMemoryEventStore();
    const bus: MessageBus =
      kind === 'log'
        ? new LogMessageBus({ log: store, offsets: new InMemoryGroupOffsets(), logger: quiet })
        : new SqliteMessageBus({ filename: ':memory:', logger: quiet });
    const publisher = kind === 'sqlite' ? new EventPublisher({ eventStore: store, bus, checkpoints: (bus as SqliteMessageBus).checkpoints, topicFor }) : undefined;
    const transport = new EmbeddedBusTransport(bus);
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(TypedReactionsModule, { strategy: transport, logger: false });
    await app.listen();
    try {
      const types = ['ShipmentDispatched', 'ShipmentDelivered', 'ShipmentReturned'];
      await store.append('shipment-s-o-9', types.map((type) => sampleEvent(type, { orderId: 'o-9', shipmentId: 's-o-9' })), 'no_stream');
      await publisher?.catchUp();
      await transport.drain();

      const seen = app.get(Calls).seen;
      expect(seen.filter((call) => call.startsWith('tracking')).sort()).toEqual(
        ['tracking.onDelivered ShipmentDelivered', 'tracking.onDelivered ShipmentReturned', 'tracking.onReturned ShipmentDelivered', 'tracking.onReturned ShipmentReturned'].sort(),
      );
      expect(seen.filter((call) => call.startsWith('audit'))).toEqual(types.map((type) => `audit.onAny ${type}`));
      expect(await transport.lag()).toBe(0);
    } finally {
      await app.close();
      await bus.close();
    }
  });
});
