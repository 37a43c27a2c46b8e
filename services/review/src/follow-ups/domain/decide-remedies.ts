import type { Rulebook } from '@aftersales/contracts';
import { illegalTransition, invalid, notFound, ruleViolation } from '@aftersales/kernel';
import { followUpKeys, requireFollowUp, requireOpen } from './decide-support';
import type { ApproveFollowUpRemedy, ProposeFollowUpRemedy, RejectFollowUpRemedy } from './follow-up-commands';
import { followUpEvent, type ReviewFollowUpEvent } from './follow-up-events';
import { followUpRulesOf, FollowUpRules } from './follow-up-rules';
import type { FollowUp, FollowUpRemedy, FollowUpState } from './follow-up-state';

const MONEY_KINDS = new Set(['goodwill_credit', 'partial_refund']);
const CURRENCY = 'CNY';

/**
 * The shop offers a remedy. A goodwill credit carries an amount and is given once per follow-up: the same one posted
 * again changes nothing, another is refused; it is at most the rulebook's goodwill bound, and above the approval
 * threshold it waits for a supervisor. A partial refund (an integer amount in fen) is granted at once, once per follow-up,
 * and paid by the refund service, which refuses it when the order can no longer refund that much; a refused one leaves
 * room for another. Resends and explanations are granted at once.
 */
export function decideProposeRemedy(command: ProposeFollowUpRemedy, state: FollowUpState, rulebook: Rulebook): ReviewFollowUpEvent[] {
  const f = requireFollowUp(state, command.followUpId);
  requireOpen(f, 'offering a remedy');
  checkAmount(command, rulebook);
  if (MONEY_KINDS.has(command.kind)) {
    const given = f.remedies.find((r) => r.kind === command.kind && r.status !== 'rejected' && r.status !== 'refused');
    if (given && given.amount === command.amount) return [];
    if (given) {
      const code = given.status === 'awaiting_approval' ? FollowUpRules.remedyPending : FollowUpRules.remedyAlreadyGranted;
      throw illegalTransition(`a second ${command.kind}`, `${given.id} ${given.status}`, code);
    }
  }
  const rules = followUpRulesOf(rulebook);
  const threshold = rules.goodwillApprovalAboveMinor;
  const requiresSupervisorApproval = command.kind === 'goodwill_credit' && (command.amount ?? 0) > threshold;
  const remedyId = `rem-${f.remedies.length + 1}`;
  const proposed = followUpEvent('ReviewFollowUpRemedyProposed', {
    ...followUpKeys(f),
    remedyId,
    kind: command.kind,
    amount: command.amount,
    currency: CURRENCY,
    note: command.note,
    requiresSupervisorApproval,
    approvalThreshold: threshold,
    ruleId: rules.ruleIds.goodwillApproval,
    rulebookVersion: rulebook.version,
    proposedBy: command.proposedBy,
    proposedAt: command.at,
  });
  if (requiresSupervisorApproval) return [proposed];
  const remedy: FollowUpRemedy = {
    id: remedyId,
    kind: command.kind,
    amount: command.amount,
    currency: CURRENCY,
    note: command.note,
    status: 'granted',
    requiresSupervisorApproval,
    ruleId: rules.ruleIds.goodwillApproval,
    rulebookVersion: rulebook.version,
    proposedBy: command.proposedBy,
    proposedAt: command.at,
  };
  return [proposed, granted(f, remedy, command.basedOn, command.at)];
}

function checkAmount(command: ProposeFollowUpRemedy, rulebook: Rulebook): void {
  const { kind, amount } = command;
  if (!MONEY_KINDS.has(kind)) {
    if (amount !== undefined) throw invalid(`a ${kind} remedy carries no amount`, [{ field: 'amount', message: FollowUpRules.amountNotAllowed }]);
    return;
  }
  if (amount === undefined || !Number.isSafeInteger(amount) || amount <= 0) {
    throw invalid(`a ${kind} names a positive amount in minor units`, [{ field: 'amount', message: FollowUpRules.amountRequired }]);
  }
  const goodwill = rulebook.compensation.goodwill;
  if (kind === 'goodwill_credit' && amount > goodwill.maxMinor) {
    throw ruleViolation(goodwill.ruleId, `a goodwill credit is at most ${goodwill.maxMinor} (rulebook ${rulebook.version})`, {
      max: goodwill.maxMinor,
      amount,
      rulebookVersion: rulebook.version,
    });
  }
}

function requireAwaitingApproval(f: FollowUp, remedyId: string): FollowUpRemedy {
  const remedy = f.remedies.find((r) => r.id === remedyId);
  if (!remedy) throw notFound('remedy', remedyId);
  if (remedy.status !== 'awaiting_approval') {
    throw illegalTransition('deciding on the remedy', remedy.status, FollowUpRules.remedyNotAwaitingApproval);
  }
  return remedy;
}

/** A supervisor approves a goodwill credit above the threshold: it is granted. Approving it again changes nothing. */
export function decideApproveRemedy(command: ApproveFollowUpRemedy, state: FollowUpState): ReviewFollowUpEvent[] {
  const f = requireFollowUp(state, command.followUpId);
  const already = f.remedies.find((r) => r.id === command.remedyId);
  if (already?.status === 'granted' && already.approverId !== undefined) return [];
  requireOpen(f, 'approving a remedy');
  const remedy = requireAwaitingApproval(f, command.remedyId);
  return [
    followUpEvent('ReviewFollowUpRemedyApproved', { ...followUpKeys(f), remedyId: remedy.id, approverId: command.approverId, approvedAt: command.at }),
    granted(f, { ...remedy, approverId: command.approverId }, command.basedOn, command.at),
  ];
}

export function decideRejectRemedy(command: RejectFollowUpRemedy, state: FollowUpState): ReviewFollowUpEvent[] {
  const f = requireFollowUp(state, command.followUpId);
  requireOpen(f, 'rejecting a remedy');
  const remedy = requireAwaitingApproval(f, command.remedyId);
  return [
    followUpEvent('ReviewFollowUpRemedyRejected', {
      ...followUpKeys(f),
      remedyId: remedy.id,
      approverId: command.approverId,
      reason: command.reason,
      rejectedAt: command.at,
    }),
  ];
}

function granted(f: FollowUp, remedy: FollowUpRemedy, basedOn: string[], at: string): ReviewFollowUpEvent {
  return followUpEvent('ReviewFollowUpRemedyGranted', {
    ...followUpKeys(f),
    buyerId: f.buyerId,
    remedyId: remedy.id,
    kind: remedy.kind,
    amount: remedy.amount,
    currency: remedy.currency,
    approverId: remedy.approverId,
    ruleId: remedy.ruleId,
    rulebookVersion: remedy.rulebookVersion,
    basedOn,
    grantedAt: at,
  });
}
