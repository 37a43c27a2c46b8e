import type { Clock } from './ports/clock';
import type { EventStore } from './ports/event-store';
import type { Projection } from './ports/projection';
import type { ReadModelStore } from './ports/read-model-store';
import type { MessageBus } from './ports/message-bus';
import type { Timer, TimerInstruction, TimerStore } from './ports/timer-store';
import type { RecordedEvent } from './ports/event-store';

/** The adapters a service is built on; the runtime picks embedded or production ones. */
export interface Platform {
  eventStore: EventStore;
  readModels: ReadModelStore;
  timers: TimerStore;
  bus: MessageBus;
  clock: Clock;
  /** Resolves once everything committed so far is published, consumed, projected and its timers scheduled. */
  settle(): Promise<void>;
}

/** Derives durable timers from an event: a deadline is an event; this turns it into a pending timer. */
export type TimerPolicy = (event: RecordedEvent) => TimerInstruction | undefined;

/**
 * A read model fed from the bus by one consumer group (other services' events) rather than from the local log: its
 * handlers commit `collections` with processed event ids under `projection`. It is rebuilt by dropping all of that
 * and replaying the group from the start of its topics (every effect of a group dedupes by its command key).
 */
export interface BusFedView {
  /** The name the admin endpoints know it by. */
  readonly name: string;
  /** Projection name of its processed event ids and checkpoint in the read-model store. */
  readonly projection: string;
  readonly collections: readonly string[];
  /** The consumer group whose handlers write it. */
  readonly group: string;
}

/** What a service hands to the runtime besides its HTTP controllers and bus handlers. */
export interface ServiceRuntime {
  readonly name: string;
  readonly projections: Projection[];
  /** Read models its bus consumers keep (see BusFedView). */
  readonly busFedViews?: readonly BusFedView[];
  readonly timerPolicies: TimerPolicy[];
  /** Dispatches a fired timer's command; must be idempotent on timer.timerId. */
  fireTimer(timer: Timer): Promise<void>;
}
