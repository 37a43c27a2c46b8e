import { Engine, type Drainable } from '../engine';
import { InMemoryEventStore, InMemoryReadModelStore, InMemoryTimerStore } from '../memory';
import type { Platform, ServiceRuntime } from '../platform';
import { ManualClock } from '../ports/clock';
import type { EventStore, RecordedEvent } from '../ports/event-store';
import type { MessageBus } from '../ports/message-bus';
import { TimeTravel } from '../timers/time-travel';

/** A bus consumer under test: it sees every event of the log once, in order, as its consumer group would. */
export type LogFollower = (event: RecordedEvent) => Promise<unknown>;

export type { Drainable };

export interface InMemoryTestPlatformOptions {
  /** Where the manual clock starts (default 2026-11-02T08:00:00.000Z). */
  start?: Date | string;
  /** The event store to run on, given the platform's clock (default: the kernel's in-memory store on that clock). */
  eventStore?: (clock: ManualClock) => EventStore;
}

/**
 * Nothing subscribes in these tests: followers read the log instead, so a group's lag is what the slowest follower
 * has not read yet (every follower stands in for every group).
 */
const followersBus = (lag: () => Promise<number>): MessageBus => ({
  publish: async () => undefined,
  subscribe: async () => ({ drain: async () => undefined, lag: async () => 0, stop: async () => undefined }),
  rewind: async () => undefined,
  lag,
  close: async () => undefined,
});

/**
 * A Platform on the kernel's in-memory adapters with a manual clock, for unit tests of services. `attach` wires
 * runtimes (their projections and timer policies), followers (standing in for bus consumers) and background work;
 * settle() runs and waits for them all until the log stops growing; advance() moves time through every timer that
 * falls due, each at its deadline. It runs the runtime's Engine, so unit tests settle and fire timers as a process does.
 */
export function inMemoryTestPlatform(options: InMemoryTestPlatformOptions = {}) {
  const clock = new ManualClock(new Date(options.start ?? '2026-11-02T08:00:00.000Z'));
  const eventStore = options.eventStore?.(clock) ?? new InMemoryEventStore(clock);
  const readModels = new InMemoryReadModelStore();
  const timers = new InMemoryTimerStore();
  const deps = { eventStore, readModels, timers, clock };
  /** A timer whose command fails stays pending; tests look at the outcome, not at the log line. */
  const quiet = { timerLog: () => undefined };
  let engine = new Engine(deps, [], undefined, quiet);

  /** A follower reads the log from the start, once, in order, as a consumer group would: settle() drains it. */
  let followers: (Drainable & { position: number })[] = [];
  const following = (follow: LogFollower): Drainable & { position: number } => {
    const follower = {
      position: 0,
      async drain() {
        for (let batch = await eventStore.readAll(follower.position, 500); batch.length > 0; batch = await eventStore.readAll(follower.position, 500)) {
          for (const event of batch) {
            await follow(event);
            follower.position = event.position;
          }
        }
      },
    };
    return follower;
  };
  const position = () => (followers.length ? Math.min(...followers.map((f) => f.position)) : Infinity);
  const lag = async (): Promise<number> => Math.max(0, (await eventStore.headPosition()) - position());

  const settle = (): Promise<void> => engine.settle();
  const travel = (): TimeTravel => new TimeTravel(clock, timers, engine.scheduler, settle);
  const platform: Platform = { eventStore, readModels, timers, bus: followersBus(lag), clock, settle };

  return {
    platform,
    clock,
    eventStore,
    readModels,
    timers,
    /** Replaces what is wired (a restart wires the new instances; the log, read models and timers stay). */
    attach(next: ServiceRuntime | ServiceRuntime[], nextFollowers: LogFollower[] = [], drainables: Drainable[] = []): void {
      engine = new Engine(deps, Array.isArray(next) ? next : [next], undefined, quiet);
      // Followers first, then background work: the order the runtime drains the bus transport and payout attempts.
      followers = nextFollowers.map(following);
      for (const follower of followers) engine.addConsumer(follower);
      for (const work of drainables) engine.addConsumer(work);
    },
    settle,
    advance: (ms: number) => travel().advance(ms),
    typesOf: async (streamId: string): Promise<string[]> => (await eventStore.readStream(streamId)).map((e) => e.type),
  };
}

export type InMemoryTestPlatform = ReturnType<typeof inMemoryTestPlatform>;
