import { currentRulebook, type DisputeCaseEvent, type Rulebook } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { decideAppealRuling, decideRequestEvidence, decideRuleDispute, decideSubmitEvidence } from './decide-arbitration';
import { decideFollowUp } from './decide-closing';
import { decideCheckDeadline, decideFinalizeRuling } from './decide-deadlines';
import { decideAssignDispute, decideEscalateDispute, decidePostMessage } from './decide-handling';
import { decideOpenDispute } from './decide-intake';
import { decideAcceptRemedy, decideApproveRemedy, decideDeclineRemedy, decideProposeRemedy, decideRejectRemedy } from './decide-remedies';
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
        case 'AssignDispute':
          return decideAssignDispute(command, state);
        case 'PostMessage':
          return decidePostMessage(command, state, rulebook);
        case 'EscalateDispute':
          return decideEscalateDispute(command, state);
        case 'ProposeRemedy':
          return decideProposeRemedy(command, state, rulebook);
        case 'ApproveRemedy':
          return decideApproveRemedy(command, state);
        case 'RejectRemedy':
          return decideRejectRemedy(command, state);
        case 'AcceptRemedy':
          return decideAcceptRemedy(command, state);
        case 'DeclineRemedy':
          return decideDeclineRemedy(command, state);
        case 'RequestEvidence':
          return decideRequestEvidence(command, state, rulebook);
        case 'SubmitEvidence':
          return decideSubmitEvidence(command, state);
        case 'RuleDispute':
          return decideRuleDispute(command, state, rulebook);
        case 'AppealRuling':
          return decideAppealRuling(command, state, rulebook);
        case 'FollowUpDispute':
          return decideFollowUp(command, state);
        case 'CheckDeadline':
          return decideCheckDeadline(command, state);
        case 'FinalizeRuling':
          return decideFinalizeRuling(command, state);
      }
    },
  };
}

/** The case decider under the current rulebook. */
export const disputeDecider: DisputeDecider = makeDisputeDecider(currentRulebook());
