import { currentRulebook, type DisputeCaseEvent, type Rulebook } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { decideOpenDispute } from './decide-intake';
import type { DisputeCommand } from './dispute-commands';
import { initialDisputeState, type DisputeState } from './dispute-state';
import { evolveDispute } from './evolve-dispute';

export type DisputeDecider = Decider<DisputeCommand, DisputeState, DisputeCaseEvent>;

/** The case aggregate under one rulebook: deadlines and thresholds come from its numbers and record its version. */
export function makeDisputeDecider(rulebook: Rulebook): DisputeDecider {
  return {
    initialState: initialDisputeState,
    evolve: evolveDispute,
    decide(command, state) {
      switch (command.type) {
        case 'OpenDispute':
          return decideOpenDispute(command, state, rulebook);
      }
    },
  };
}

/** The case decider under the current rulebook. */
export const disputeDecider: DisputeDecider = makeDisputeDecider(currentRulebook());
