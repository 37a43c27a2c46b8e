import { currentRulebook, type Rulebook } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { decideAssessment } from './decide-assessment';
import { decideLift } from './decide-lift';
import { decideRevoke } from './decide-revoke';
import { evolveShopPenalty } from './evolve-shop-penalty';
import type { ShopPenaltyCommand } from './shop-penalty-commands';
import type { ShopPenaltyEvent } from './shop-penalty-events';
import { initialShopPenaltyState, type ShopPenaltyState } from './shop-penalty-state';

export type ShopPenaltyDecider = Decider<ShopPenaltyCommand, ShopPenaltyState, ShopPenaltyEvent>;

/** The decider of a shop's points in one year; new assessments use the numbers of `rulebook`. */
export function makeShopPenaltyDecider(rulebook: Rulebook = currentRulebook()): ShopPenaltyDecider {
  return {
    initialState: initialShopPenaltyState,
    decide(command, state) {
      switch (command.type) {
        case 'AssessViolation':
          return decideAssessment(command, state, rulebook);
        case 'LiftRestriction':
          return decideLift(command, state);
        case 'RevokeAssessment':
          return decideRevoke(command, state);
      }
    },
    evolve: evolveShopPenalty,
  };
}
