import { currentRulebook, type Rulebook } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { decideCloseFollowUp, decideCloseOnRevision, decideContactBuyer } from './decide-handling';
import { decideCheckFollowUpDeadline, decideOpenFollowUp } from './decide-opening';
import { decideApproveRemedy, decideProposeRemedy, decideRejectRemedy } from './decide-remedies';
import { decideRecordRemedyPaid, decideRecordRemedyRefused } from './decide-remedy-payment';
import type { FollowUpCommand } from './follow-up-commands';
import type { ReviewFollowUpEvent } from './follow-up-events';
import { initialFollowUpState, type FollowUpState } from './follow-up-state';
import { evolveFollowUp } from './evolve-follow-up';

export type FollowUpDecider = Decider<FollowUpCommand, FollowUpState, ReviewFollowUpEvent>;

/** The bad-review follow-up under one rulebook: its deadlines and approval threshold come from it and record its version. */
export function makeFollowUpDecider(rulebook: Rulebook): FollowUpDecider {
  return {
    initialState: initialFollowUpState,
    evolve: evolveFollowUp,
    decide(command, state) {
      switch (command.type) {
        case 'OpenFollowUp':
          return decideOpenFollowUp(command, state, rulebook);
        case 'CheckFollowUpDeadline':
          return decideCheckFollowUpDeadline(command, state);
        case 'ContactBuyer':
          return decideContactBuyer(command, state);
        case 'ProposeFollowUpRemedy':
          return decideProposeRemedy(command, state, rulebook);
        case 'ApproveFollowUpRemedy':
          return decideApproveRemedy(command, state);
        case 'RejectFollowUpRemedy':
          return decideRejectRemedy(command, state);
        case 'CloseFollowUp':
          return decideCloseFollowUp(command, state);
        case 'CloseFollowUpOnRevision':
          return decideCloseOnRevision(command, state);
        case 'RecordRemedyRefused':
          return decideRecordRemedyRefused(command, state);
        case 'RecordRemedyPaid':
          return decideRecordRemedyPaid(command, state);
      }
    },
  };
}

/** The follow-up decider under the current rulebook. */
export const followUpDecider: FollowUpDecider = makeFollowUpDecider(currentRulebook());
