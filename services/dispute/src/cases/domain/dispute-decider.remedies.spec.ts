import { deciderSpec } from '@aftersales/kernel/testing';
import {
  caseEvent,
  complaintOpened,
  deadlineCleared,
  intakeDeadlines,
  messagePosted,
  ofTheCase,
  remedyProposed,
  statusChanged,
} from '../testing/dispute-events';
import { DISPUTE_ID, hoursAfterT0, PAID } from '../testing/dispute-fixtures';
import type { ProposeRemedy } from './dispute-commands';
import { disputeDecider } from './dispute-decider';

const spec = deciderSpec(disputeDecider);
const inProgress = [
  complaintOpened(),
  ...intakeDeadlines(),
  messagePosted(),
  deadlineCleared('first_response', 'met', hoursAfterT0(2)),
  statusChanged('open', 'in_progress', hoursAfterT0(2)),
];
const propose = (overrides: Partial<ProposeRemedy> = {}): ProposeRemedy => ({
  type: 'ProposeRemedy',
  disputeId: DISPUTE_ID,
  at: hoursAfterT0(3),
  kind: 'partial_refund',
  amount: 15000,
  description: 'We refund 150 CNY and you keep the item.',
  proposedBy: 'agent-1',
  ...overrides,
});
const proposed = [...inProgress, remedyProposed(), statusChanged('in_progress', 'remedy_proposed', hoursAfterT0(3))];
const bigProposed = [
  ...inProgress,
  remedyProposed({ amount: 30000, requiresSupervisorApproval: true }),
  statusChanged('in_progress', 'remedy_proposed', hoursAfterT0(3)),
];
const accept = { type: 'AcceptRemedy', disputeId: DISPUTE_ID, at: hoursAfterT0(5), remedyId: 'rem-1', acceptedBy: 'buyer-1' } as const;

describe('remedies', () => {
  it('given a case in progress, when the shop proposes 15000 fen (at most the 20000 threshold), then the buyer may take it without approval', () => {
    spec.given(inProgress).when(propose()).then(proposed.slice(inProgress.length));
  });

  it('given a case in progress, when the shop proposes 30000 fen, then it waits for a supervisor', () => {
    spec.given(inProgress).when(propose({ amount: 30000 })).then(bigProposed.slice(inProgress.length));
  });

  it('given a remedy waiting for approval, when the buyer accepts it, then it is refused until a supervisor approves', () => {
    spec.given(bigProposed).when(accept).thenRefuses('dispute.remedy_awaiting_approval');
  });

  it('given an order paid 35900, when the shop proposes more, then it is refused', () => {
    spec.given(inProgress).when(propose({ amount: PAID + 1 })).thenRefuses('dispute.remedy_above_paid');
  });

  it('given a remedy on the table, when the shop proposes another, then it is refused as a conflict', () => {
    spec.given(proposed).when(propose()).thenRefuses('dispute.remedy_pending');
  });

  it('given a remedy waiting for approval, when a supervisor approves it, then the buyer may accept it; a supervisor rejecting it sends the case back to the shop', () => {
    const approved = caseEvent('DisputeRemedyApproved', { ...ofTheCase, remedyId: 'rem-1', approverId: 'sup-1', approvedAt: hoursAfterT0(4) });
    spec.given(bigProposed).when({ type: 'ApproveRemedy', disputeId: DISPUTE_ID, at: hoursAfterT0(4), remedyId: 'rem-1', approverId: 'sup-1' }).then([approved]);
    spec.given([...bigProposed, approved]).when(accept).decided();
    spec
      .given(bigProposed)
      .when({ type: 'RejectRemedy', disputeId: DISPUTE_ID, at: hoursAfterT0(4), remedyId: 'rem-1', approverId: 'sup-1', reason: 'Too much.' })
      .then([
        caseEvent('DisputeRemedyRejected', { ...ofTheCase, remedyId: 'rem-1', approverId: 'sup-1', reason: 'Too much.', rejectedAt: hoursAfterT0(4) }),
        statusChanged('remedy_proposed', 'in_progress', hoursAfterT0(4)),
      ]);
  });

  it('given a remedy, when the buyer accepts it, then the refund service is told (with the money) and the case resolves, its clocks stopped', () => {
    spec.given(proposed).when(accept).then([
      caseEvent('DisputeRemedyAccepted', {
        ...ofTheCase,
        buyerId: 'buyer-1',
        remedyId: 'rem-1',
        kind: 'partial_refund',
        amount: 15000,
        currency: 'CNY',
        acceptedBy: 'buyer-1',
        acceptedAt: hoursAfterT0(5),
      }),
      caseEvent('DisputeResolved', { ...ofTheCase, resolution: 'remedy_accepted', remedyId: 'rem-1', evidence: [], resolvedAt: hoursAfterT0(5) }),
      statusChanged('remedy_proposed', 'resolved', hoursAfterT0(5)),
      deadlineCleared('resolution', 'case_ended', hoursAfterT0(5)),
    ]);
  });

  it('given a remedy, when the buyer declines it, then the case goes back to the shop', () => {
    spec
      .given(proposed)
      .when({ type: 'DeclineRemedy', disputeId: DISPUTE_ID, at: hoursAfterT0(5), remedyId: 'rem-1', declinedBy: 'buyer-1' })
      .then([
        caseEvent('DisputeRemedyDeclined', { ...ofTheCase, remedyId: 'rem-1', declinedBy: 'buyer-1', declinedAt: hoursAfterT0(5) }),
        statusChanged('remedy_proposed', 'in_progress', hoursAfterT0(5)),
      ]);
  });

  it('given a resolved case, when the shop follows up, then the satisfaction is recorded and the case closes; following up an unresolved case is refused', () => {
    const resolved = spec.given(proposed).when(accept).decided().events;
    const followUp = { type: 'FollowUpDispute', disputeId: DISPUTE_ID, at: hoursAfterT0(30), satisfaction: 4, agentId: 'agent-1' } as const;
    spec.given([...proposed, ...resolved]).when(followUp).then([
      caseEvent('DisputeFollowedUp', { ...ofTheCase, agentId: 'agent-1', satisfaction: 4, followedUpAt: hoursAfterT0(30) }),
      caseEvent('DisputeClosed', { ...ofTheCase, reason: 'followed_up', closedAt: hoursAfterT0(30) }),
      statusChanged('resolved', 'closed', hoursAfterT0(30)),
    ]);
    spec.given(proposed).when(followUp).thenRefuses('illegal_transition');
  });
});
