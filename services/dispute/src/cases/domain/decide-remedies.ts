import type { DisputeCaseEvent, Rulebook } from '@aftersales/contracts';
import { illegalTransition, notFound, ruleViolation } from '@aftersales/kernel';
import { caseKeys, disputeEvent, requireCase, requireStatus, resolveCase, statusChange } from './decide-support';
import type { AcceptRemedy, ApproveRemedy, DeclineRemedy, ProposeRemedy, RejectRemedy } from './dispute-commands';
import { disputeRulesOf, DisputeRules } from './dispute-rules';
import type { DisputeCase, DisputeState, RemedyState, RemedyStatus } from './dispute-state';

const PROPOSABLE_IN = ['open', 'in_progress', 'escalated'] as const;

function requireRemedy(c: DisputeCase, remedyId: string): RemedyState {
  const remedy = c.remedies.find((r) => r.id === remedyId);
  if (!remedy) throw notFound('remedy', remedyId);
  return remedy;
}

function requireRemedyStatus(remedy: RemedyState, what: string, allowed: readonly RemedyStatus[]): void {
  if (!allowed.includes(remedy.status)) throw illegalTransition(what, remedy.status);
}

/**
 * The shop proposes a remedy: never more than the buyer paid; above the rulebook threshold it waits for a
 * supervisor's approval before the buyer may accept it. One remedy is on the table at a time.
 */
export function decideProposeRemedy(command: ProposeRemedy, state: DisputeState, rulebook: Rulebook): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  if (c.remedies.some((r) => r.status === 'proposed' || r.status === 'awaiting_approval')) {
    throw illegalTransition('proposing a second remedy while one waits for an answer', c.status, DisputeRules.remedyPending);
  }
  requireStatus(c, 'proposing a remedy', PROPOSABLE_IN);
  if (command.amount !== undefined && c.paidAmount !== undefined && command.amount > c.paidAmount) {
    throw ruleViolation(DisputeRules.remedyAmountAbovePaid, `a remedy is at most what the buyer paid (${c.paidAmount})`, {
      paid: c.paidAmount,
      amount: command.amount,
    });
  }
  const approval = disputeRulesOf(rulebook).remedyApproval;
  const threshold = approval.supervisorApprovalAboveMinor;
  return [
    disputeEvent('DisputeRemedyProposed', {
      ...caseKeys(c),
      remedyId: `rem-${c.remedies.length + 1}`,
      kind: command.kind,
      amount: command.amount,
      currency: c.currency,
      description: command.description,
      requiresSupervisorApproval: (command.amount ?? 0) > threshold,
      approvalThreshold: threshold,
      ruleId: approval.ruleId,
      rulebookVersion: rulebook.version,
      proposedBy: command.proposedBy,
      proposedAt: command.at,
    }),
    ...statusChange(c, 'remedy_proposed', command.at),
  ];
}

export function decideApproveRemedy(command: ApproveRemedy, state: DisputeState): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  const remedy = requireRemedy(c, command.remedyId);
  if (remedy.status === 'proposed' && remedy.requiresSupervisorApproval) return [];
  requireRemedyStatus(remedy, 'approving the remedy', ['awaiting_approval']);
  return [disputeEvent('DisputeRemedyApproved', { ...caseKeys(c), remedyId: remedy.id, approverId: command.approverId, approvedAt: command.at })];
}

export function decideRejectRemedy(command: RejectRemedy, state: DisputeState): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  const remedy = requireRemedy(c, command.remedyId);
  requireRemedyStatus(remedy, 'rejecting the remedy', ['awaiting_approval']);
  return [
    disputeEvent('DisputeRemedyRejected', {
      ...caseKeys(c),
      remedyId: remedy.id,
      approverId: command.approverId,
      reason: command.reason,
      rejectedAt: command.at,
    }),
    ...statusChange(c, 'in_progress', command.at),
  ];
}

/** The buyer accepts: the case is resolved, and the refund service carries out the money part from this event. */
export function decideAcceptRemedy(command: AcceptRemedy, state: DisputeState): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  const remedy = requireRemedy(c, command.remedyId);
  if (remedy.status === 'awaiting_approval') {
    throw ruleViolation(DisputeRules.remedyNeedsApproval, "the remedy is above the approval threshold and waits for a supervisor's approval");
  }
  requireRemedyStatus(remedy, 'accepting the remedy', ['proposed']);
  requireStatus(c, 'accepting the remedy', ['remedy_proposed']);
  return [
    disputeEvent('DisputeRemedyAccepted', {
      ...caseKeys(c),
      buyerId: c.buyerId,
      refundId: c.refundId,
      remedyId: remedy.id,
      kind: remedy.kind,
      amount: remedy.amount,
      currency: c.currency,
      acceptedBy: command.acceptedBy,
      acceptedAt: command.at,
    }),
    ...resolveCase(c, command.at, { remedyId: remedy.id }),
  ];
}

export function decideDeclineRemedy(command: DeclineRemedy, state: DisputeState): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  const remedy = requireRemedy(c, command.remedyId);
  requireRemedyStatus(remedy, 'declining the remedy', ['proposed', 'awaiting_approval']);
  return [
    disputeEvent('DisputeRemedyDeclined', {
      ...caseKeys(c),
      remedyId: remedy.id,
      reason: command.reason,
      declinedBy: command.declinedBy,
      declinedAt: command.at,
    }),
    ...statusChange(c, 'in_progress', command.at),
  ];
}
