import type { DisputeCaseEvent } from '@aftersales/contracts';
import { caseKeys, disputeEvent, requireCase, requireStatus, statusChange } from './decide-support';
import type { FollowUpDispute } from './dispute-commands';
import type { DisputeState } from './dispute-state';

/** After the resolution the shop follows up and records the buyer's satisfaction: the case closes. */
export function decideFollowUp(command: FollowUpDispute, state: DisputeState): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  requireStatus(c, 'following up', ['resolved']);
  const keys = caseKeys(c);
  return [
    disputeEvent('DisputeFollowedUp', {
      ...keys,
      agentId: command.agentId,
      satisfaction: command.satisfaction,
      comment: command.comment,
      followedUpAt: command.at,
    }),
    disputeEvent('DisputeClosed', { ...keys, reason: 'followed_up', closedAt: command.at }),
    ...statusChange(c, 'closed', command.at),
  ];
}
