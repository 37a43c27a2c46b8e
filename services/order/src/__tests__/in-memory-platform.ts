import {
  InMemoryEventStore,
  InMemoryReadModelStore,
  InMemoryTimerStore,
  ManualClock,
  ProjectionRunner,
  TimerProjector,
  TimerScheduler,
  TimeTravel,
  type MessageBus,
  type Platform,
  type ServiceRuntime,
} from '@aftersales/kernel';

/** Nothing in these tests subscribes; reactions are called directly. */
const silentBus: MessageBus = {
  publish: async () => undefined,
  subscribe: async () => ({ drain: async () => undefined, lag: async () => 0, stop: async () => undefined }),
  close: async () => undefined,
};

/**
 * A Platform on the kernel's in-memory adapters, with a manual clock. `attach` wires a service's runtime:
 * its projections and timer policies follow the log on settle(), and `advance` moves time through its timers.
 */
export function inMemoryPlatform(start = new Date('2026-11-02T08:00:00.000Z')) {
  const clock = new ManualClock(start);
  const eventStore = new InMemoryEventStore(clock);
  const readModels = new InMemoryReadModelStore();
  const timers = new InMemoryTimerStore();
  let followers: { catchUp(): Promise<void> }[] = [];
  const platform: Platform = {
    eventStore,
    readModels,
    timers,
    bus: silentBus,
    clock,
    settle: async () => {
      for (const follower of followers) await follower.catchUp();
    },
  };
  let travel: TimeTravel | undefined;
  return {
    platform,
    clock,
    attach(runtime: ServiceRuntime): void {
      followers = [
        ...runtime.projections.map((p) => new ProjectionRunner(eventStore, readModels, p)),
        new TimerProjector(eventStore, timers, runtime.timerPolicies),
      ];
      const scheduler = new TimerScheduler(
        clock,
        timers,
        (timer) => runtime.fireTimer(timer),
        () => undefined,
      );
      travel = new TimeTravel(clock, timers, scheduler, platform.settle);
    },
    advanceHours: async (hours: number) => {
      if (!travel) throw new Error('attach a runtime first');
      return travel.advance(hours * 3_600_000);
    },
  };
}
