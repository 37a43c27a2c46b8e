import { fold, type Decider, type DomainEvent } from '../decider';
import { DomainError } from '../errors';

/**
 * Given the commands that already happened (each decided on the state the previous ones left), when one more
 * command is decided: the events it yields and the state after, or the DomainError it throws.
 */
export function givenDecider<C extends { type: string }, S, E extends DomainEvent>(decider: Decider<C, S, E>, history: C[]) {
  const events: E[] = [];
  let state: S = decider.initialState;
  for (const past of history) {
    const decided = decider.decide(past, state);
    events.push(...decided);
    state = fold(decider, state, decided);
  }
  return {
    events,
    state,
    when(next: C) {
      const decided = decider.decide(next, state);
      return { events: decided, state: fold(decider, state, decided) };
    },
    whenRefused(next: C): DomainError {
      try {
        decider.decide(next, state);
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      throw new Error(`${next.type} was expected to be refused`);
    },
  };
}
