import { fold, type Decider, type DomainEvent } from '../decider';
import { DomainError } from '../errors';
import type { RecordedEvent } from '../ports/event-store';

/**
 * History as the store holds it: a domain event in today's shape, or a stored event that names the schema version
 * it was written with (a full RecordedEvent, or just `{ type, data, schemaVersion }`; the envelope is filled in).
 */
export type GivenEvent = DomainEvent | (DomainEvent & Partial<RecordedEvent> & { schemaVersion: number });

export interface DeciderSpecOptions {
  /** The aggregate's upcast hook: every given event that carries a schemaVersion is read through it. */
  upcast?(event: RecordedEvent): DomainEvent;
}

/** What a command decided: the events it yields and the state they leave. */
export interface Decided<S, E extends DomainEvent> {
  events: E[];
  state: S;
}

export interface GivenHistory<C, S, E extends DomainEvent> {
  /** The events the history was folded from, after upcasting. */
  readonly events: E[];
  /** The state the history leaves. */
  readonly state: S;
  when(command: C): WhenCommand<S, E>;
}

export interface WhenCommand<S, E extends DomainEvent> {
  /** Asserts the command yields exactly these events, in order. */
  then(expected: readonly E[]): Decided<S, E>;
  /** Asserts the command changes nothing. */
  thenNothing(): Decided<S, E>;
  /** Asserts the command is refused with a DomainError of this code (a rule id for rule refusals); returns it. */
  thenRefuses(code?: string): DomainError;
  /** Asserts the state after the command: equal to a value, or checked by a function of it. */
  thenState(expected: S | ((state: S) => void)): S;
  /** The decision without asserting anything; throws what the decider throws. */
  decided(): Decided<S, E>;
}

/**
 * Tests from events: `deciderSpec(decider).given(events).when(command).then(events)`.
 * The history is folded with the decider's own evolve, so the test states facts, not the commands that led to them.
 */
export function deciderSpec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, options: DeciderSpecOptions = {}) {
  const read = (event: GivenEvent, index: number): E => {
    if (!options.upcast || !('schemaVersion' in event)) return { type: event.type, data: event.data } as E;
    return options.upcast(asRecorded(event, index)) as E;
  };

  return {
    given(history: readonly GivenEvent[] = []): GivenHistory<C, S, E> {
      const events = history.map(read);
      const state = fold(decider, decider.initialState, events);
      return { events, state, when: (command) => whenCommand(decider, state, command) };
    },
  };
}

function whenCommand<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, before: S, command: C): WhenCommand<S, E> {
  const decided = (): Decided<S, E> => {
    const events = decider.decide(command, before);
    return { events, state: fold(decider, before, events) };
  };
  return {
    decided,
    then(expected) {
      const outcome = decided();
      expect(outcome.events).toEqual(expected);
      return outcome;
    },
    thenNothing() {
      const outcome = decided();
      expect(outcome.events).toEqual([]);
      return outcome;
    },
    thenRefuses(code) {
      const error = refusalOf(decided, nameOf(command));
      if (code !== undefined) expect({ code: error.code, message: error.message }).toEqual({ code, message: error.message });
      return error;
    },
    thenState(expected) {
      const { state } = decided();
      if (typeof expected === 'function') (expected as (state: S) => void)(state);
      else expect(state).toEqual(expected);
      return state;
    },
  };
}

function refusalOf(decide: () => unknown, commandName: string): DomainError {
  let decided: unknown;
  try {
    decided = decide();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${commandName} was expected to be refused, but it decided ${JSON.stringify((decided as Decided<unknown, DomainEvent>).events)}`);
}

const nameOf = (command: unknown): string => {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'the command';
};

/** A stored event around the given fields, for the upcast hook; the envelope fields no test named get placeholders. */
export function asRecorded(event: DomainEvent & Partial<RecordedEvent>, index = 0): RecordedEvent {
  return {
    eventId: `given-${index}`,
    schemaVersion: 1,
    streamId: 'given',
    revision: index,
    position: index + 1,
    occurredAt: '2025-01-01T00:00:00.000Z',
    recordedAt: '2025-01-01T00:00:00.000Z',
    correlationId: 'given',
    causationId: null,
    actor: { id: 'given', role: 'system' },
    ...event,
  };
}
