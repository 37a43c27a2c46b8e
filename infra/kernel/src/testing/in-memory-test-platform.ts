import { InMemoryEventStore, InMemoryReadModelStore, InMemoryTimerStore } from '../memory';
import type { Platform, ServiceRuntime } from '../platform';
import { ManualClock } from '../ports/clock';
import type { EventStore, RecordedEvent } from '../ports/event-store';
import type { MessageBus } from '../ports/message-bus';
import type { Timer } from '../ports/timer-store';
import { ProjectionRunner } from '../projections/projection-runner';
import { TimerProjector } from '../timers/timer-projector';
import { TimerScheduler } from '../timers/timer-scheduler';
import { TimeTravel } from '../timers/time-travel';

/** A bus consumer under test: it sees every event of the log once, in order, as its consumer group would. */
export type LogFollower = (event: RecordedEvent) => Promise<unknown>;

/** Work a service runs in the background (payout attempts): settle() waits for it, as the runtime's does. */
export interface Drainable {
  drain(): Promise<void>;
}

export interface InMemoryTestPlatformOptions {
  /** Where the manual clock starts (default 2026-11-02T08:00:00.000Z). */
  start?: Date | string;
  /** The event store to run on, given the platform's clock (default: the kernel's in-memory store on that clock). */
  eventStore?: (clock: ManualClock) => EventStore;
}

/** Nothing subscribes in these tests: followers read the log instead. */
const silentBus: MessageBus = {
  publish: async () => undefined,
  subscribe: async () => ({ drain: async () => undefined, lag: async () => 0, stop: async () => undefined }),
  rewind: async () => undefined,
  close: async () => undefined,
};

/**
 * A Platform on the kernel's in-memory adapters with a manual clock, for unit tests of services. `attach` wires
 * runtimes (their projections and timer policies), followers (standing in for bus consumers) and background work;
 * settle() runs and waits for them all until the log stops growing; advance() moves time through every timer that
 * falls due, each at its deadline.
 */
export function inMemoryTestPlatform(options: InMemoryTestPlatformOptions = {}) {
  const clock = new ManualClock(new Date(options.start ?? '2026-11-02T08:00:00.000Z'));
  const eventStore = options.eventStore?.(clock) ?? new InMemoryEventStore(clock);
  const readModels = new InMemoryReadModelStore();
  const timers = new InMemoryTimerStore();
  let runtimes: ServiceRuntime[] = [];
  let projections: ProjectionRunner[] = [];
  let timerProjector = new TimerProjector(eventStore, timers, []);
  let followers: { follow: LogFollower; position: number }[] = [];
  let background: Drainable[] = [];

  async function runFollowers(): Promise<void> {
    for (const follower of followers) {
      for (let batch = await eventStore.readAll(follower.position, 500); batch.length > 0; batch = await eventStore.readAll(follower.position, 500)) {
        for (const event of batch) {
          await follower.follow(event);
          follower.position = event.position;
        }
      }
    }
  }

  async function settle(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      const head = await eventStore.headPosition();
      await runFollowers();
      for (const work of background) await work.drain();
      for (const runner of projections) await runner.catchUp();
      await timerProjector.catchUp();
      if ((await eventStore.headPosition()) === head) return;
    }
    throw new Error('the test platform did not settle');
  }

  const fire = async (timer: Timer): Promise<void> => {
    const runtime = runtimes.find((r) => r.name === timer.service);
    if (!runtime) throw new Error(`no runtime ${timer.service} is attached`);
    return runtime.fireTimer(timer);
  };
  const travel = new TimeTravel(clock, timers, new TimerScheduler(clock, timers, fire, () => undefined), settle);
  const platform: Platform = { eventStore, readModels, timers, bus: silentBus, clock, settle };

  return {
    platform,
    clock,
    eventStore,
    readModels,
    timers,
    /** Replaces what is wired (a restart wires the new instances; the log, read models and timers stay). */
    attach(next: ServiceRuntime | ServiceRuntime[], nextFollowers: LogFollower[] = [], drainables: Drainable[] = []): void {
      runtimes = Array.isArray(next) ? next : [next];
      projections = runtimes.flatMap((r) => r.projections.map((p) => new ProjectionRunner(eventStore, readModels, p)));
      timerProjector = new TimerProjector(eventStore, timers, runtimes.flatMap((r) => r.timerPolicies));
      followers = nextFollowers.map((follow) => ({ follow, position: 0 }));
      background = drainables;
    },
    settle,
    advance: (ms: number) => travel.advance(ms),
    typesOf: async (streamId: string): Promise<string[]> => (await eventStore.readStream(streamId)).map((e) => e.type),
  };
}

export type InMemoryTestPlatform = ReturnType<typeof inMemoryTestPlatform>;
