/**
 * A pure aggregate: given a command and the current state, decide which events happen;
 * fold events into state with evolve. No I/O, no clock: time arrives inside the command.
 */
export interface Decider<TCommand, TState, TEvent extends DomainEvent> {
  readonly initialState: TState;
  decide(command: TCommand, state: TState): TEvent[];
  evolve(state: TState, event: TEvent): TState;
}

/** What deciders emit: a type and its data, before the store wraps it in an envelope. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
}

/** Folds events into state; a plain loop (no closure per call: it runs once per command). */
export function fold<S, E extends DomainEvent>(decider: Pick<Decider<unknown, S, E>, 'evolve'>, state: S, events: readonly E[]): S {
  let folded = state;
  for (const event of events) folded = decider.evolve(folded, event);
  return folded;
}
