import { randomUUID } from 'node:crypto';
import {
  InMemoryEventStore,
  InMemoryReadModelStore,
  InMemoryTimerStore,
  ManualClock,
  ProjectionRunner,
  TimerProjector,
  TimerScheduler,
  TimeTravel,
  type EventStore,
  type MessageBus,
  type Platform,
  type RecordedEvent,
  type ServiceRuntime,
} from '@aftersales/kernel';

/** A bus consumer under test: it sees every event of the log once, in order, as its consumer group would. */
export type Consumer = (event: RecordedEvent) => Promise<unknown>;

const silentBus: MessageBus = {
  publish: async () => undefined,
  subscribe: async () => ({ drain: async () => undefined, lag: async () => 0, stop: async () => undefined }),
  close: async () => undefined,
};

/**
 * The refund service on the kernel's in-memory adapters with a manual clock. `attach` wires a runtime (projections,
 * timers) and consumers (log followers standing in for the bus); settle() runs them until the log stops growing;
 * advanceDays() moves time through every timer that falls due, each firing at its own deadline.
 */
export function refundTestPlatform(start = '2026-11-02T08:00:00.000Z', wrapStore?: (store: EventStore) => EventStore) {
  const clock = new ManualClock(new Date(start));
  const memory = new InMemoryEventStore(clock);
  const eventStore = wrapStore ? wrapStore(memory) : memory;
  const readModels = new InMemoryReadModelStore();
  const timers = new InMemoryTimerStore();
  let projections: ProjectionRunner[] = [];
  let timerProjector = new TimerProjector(eventStore, timers, []);
  let consumers: { consume: Consumer; position: number }[] = [];
  let runtime: ServiceRuntime | undefined;

  async function settle(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      const head = await eventStore.headPosition();
      for (const consumer of consumers) {
        for (
          let batch = await eventStore.readAll(consumer.position, 500);
          batch.length > 0;
          batch = await eventStore.readAll(consumer.position, 500)
        ) {
          for (const event of batch) {
            await consumer.consume(event);
            consumer.position = event.position;
          }
        }
      }
      for (const runner of projections) await runner.catchUp();
      await timerProjector.catchUp();
      if ((await eventStore.headPosition()) === head) return;
    }
    throw new Error('did not settle');
  }

  const platform: Platform = { eventStore, readModels, timers, bus: silentBus, clock, settle };
  const scheduler = new TimerScheduler(
    clock,
    timers,
    (timer) => runtime!.fireTimer(timer),
    () => undefined,
  );
  const travel = new TimeTravel(clock, timers, scheduler, settle);

  return {
    platform,
    clock,
    eventStore,
    readModels,
    timers,
    settle,
    attach(service: ServiceRuntime, ...followers: Consumer[]): void {
      runtime = service;
      projections = service.projections.map((p) => new ProjectionRunner(eventStore, readModels, p));
      timerProjector = new TimerProjector(eventStore, timers, service.timerPolicies);
      consumers = followers.map((consume) => ({ consume, position: 0 }));
    },
    advanceDays: (days: number) => travel.advance(days * 86_400_000),
    /** Appends an event of another service (the order topic, logistics) as its service would. */
    async record(streamId: string, type: string, data: Record<string, unknown>): Promise<RecordedEvent> {
      const metadata = {
        occurredAt: clock.now().toISOString(),
        correlationId: randomUUID(),
        causationId: null,
        actor: { id: 'tester', role: 'agent' as const },
      };
      const result = await eventStore.append(streamId, [{ eventId: randomUUID(), type, schemaVersion: 1, data, metadata }], 'any');
      return result.events[0];
    },
    typesOf: async (streamId: string): Promise<string[]> => (await eventStore.readStream(streamId)).map((e) => e.type),
  };
}

export type RefundTestPlatform = ReturnType<typeof refundTestPlatform>;
