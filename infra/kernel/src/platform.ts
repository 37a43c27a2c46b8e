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

/** What a service hands to the runtime besides its HTTP controllers and bus handlers. */
export interface ServiceRuntime {
  readonly name: string;
  readonly projections: Projection[];
  readonly timerPolicies: TimerPolicy[];
  /** Dispatches a fired timer's command; must be idempotent on timer.timerId. */
  fireTimer(timer: Timer): Promise<void>;
}
