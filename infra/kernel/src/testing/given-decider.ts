import { fold, type Decider, type DomainEvent } from '../decider';
import type { DomainError } from '../errors';
import { deciderSpec } from './decider-spec';

/**
 * Given the commands that already happened (each decided on the state the previous ones left), when one more
 * command is decided: the events it yields and the state after, or the DomainError it throws.
 * Prefer `deciderSpec(decider).given(events)` in new tests: history stated as facts.
 */
export function givenDecider<C extends { type: string }, S, E extends DomainEvent>(decider: Decider<C, S, E>, history: C[]) {
  const events: E[] = [];
  let state: S = decider.initialState;
  for (const past of history) {
    const decided = decider.decide(past, state);
    events.push(...decided);
    state = fold(decider, state, decided);
  }
  const given = deciderSpec(decider).given(events);
  return {
    events,
    state,
    when: (next: C) => given.when(next).decided(),
    whenRefused: (next: C): DomainError => given.when(next).thenRefuses(),
  };
}
