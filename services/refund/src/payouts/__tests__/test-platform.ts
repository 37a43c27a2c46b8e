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
  type Timer,
} from '@aftersales/kernel';

const silentBus: MessageBus = {
  publish: async () => undefined,
  subscribe: async () => ({ drain: async () => undefined, lag: async () => 0, stop: async () => undefined }),
  close: async () => undefined,
};

/** A bus reaction under test: gets every event of the log once, in order, as a consumer group would. */
export type Reaction = (event: RecordedEvent) => Promise<unknown>;

/**
 * A Platform on the kernel's in-memory adapters with a manual clock, for unit tests of the refund package.
 * `attach` wires runtimes (projections + timers) and reactions (log followers standing in for bus consumers);
 * settle() runs all of them until the log stops growing; `advance` moves time through due timers.
 */
export function testPlatform(start = new Date('2026-11-02T08:00:00.000Z'), eventStore?: EventStore) {
  const clock = new ManualClock(start);
  const store = eventStore ?? new InMemoryEventStore(clock);
  const readModels = new InMemoryReadModelStore();
  const timers = new InMemoryTimerStore();
  let runtimes: ServiceRuntime[] = [];
  let projections: ProjectionRunner[] = [];
  let timerProjector = new TimerProjector(store, timers, []);
  let reactions: { react: Reaction; position: number }[] = [];

  const runReactions = async () => {
    for (const reaction of reactions) {
      for (;;) {
        const events = await store.readAll(reaction.position, 500);
        if (events.length === 0) break;
        for (const event of events) {
          await reaction.react(event);
          reaction.position = event.position;
        }
      }
    }
  };

  const settle = async () => {
    for (let round = 0; round < 50; round++) {
      const head = await store.headPosition();
      await runReactions();
      for (const runner of projections) await runner.catchUp();
      await timerProjector.catchUp();
      if ((await store.headPosition()) === head) return;
    }
    throw new Error('the test platform did not settle');
  };

  const platform: Platform = { eventStore: store, readModels, timers, bus: silentBus, clock, settle };
  const fire = (timer: Timer) => {
    const runtime = runtimes.find((r) => r.name === timer.service);
    if (!runtime) throw new Error(`no runtime ${timer.service}`);
    return runtime.fireTimer(timer);
  };
  const scheduler = new TimerScheduler(clock, timers, fire, () => undefined);
  const travel = new TimeTravel(clock, timers, scheduler, settle);

  return {
    platform,
    clock,
    store,
    timers,
    readModels,
    /** Replaces the wired runtimes (a restart wires the new instances; read models and timers stay). */
    attach(next: ServiceRuntime[], nextReactions: Reaction[] = []): void {
      runtimes = next;
      projections = next.flatMap((r) => r.projections.map((p) => new ProjectionRunner(store, readModels, p)));
      timerProjector = new TimerProjector(store, timers, next.flatMap((r) => r.timerPolicies));
      reactions = nextReactions.map((react) => ({ react, position: 0 }));
    },
    settle,
    advance: (ms: number) => travel.advance(ms),
    streamTypes: async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type),
  };
}
