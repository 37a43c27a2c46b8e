import type { DisputeCaseEvent, DisputeParty, DisputeRulingOutcome, Rulebook } from '@aftersales/contracts';
import { addDays, addHours, illegalTransition, isAfter, isAtOrAfter, notFound, ruleViolation } from '@aftersales/kernel';
import { caseKeys, clearOpenEvidenceRequests, disputeEvent, requireCase, requireStatus, resolveCase, statusChange } from './decide-support';
import type { AppealRuling, RequestEvidence, RuleDispute, SubmitEvidence } from './dispute-commands';
import { disputeRulesOf, DisputeRules } from './dispute-rules';
import type { DisputeState } from './dispute-state';

/** Platform arbitration (小二介入): evidence with due dates, a ruling, one appeal within the window. */

export function decideRequestEvidence(command: RequestEvidence, state: DisputeState, rulebook: Rulebook): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  requireStatus(c, 'requesting evidence', ['arbitration']);
  const rules = disputeRulesOf(rulebook).evidence;
  const requestId = `evr-${c.evidenceRequests.length + 1}`;
  const dueBy = addHours(command.at, command.dueInHours ?? rules.defaultDueInHours);
  const keys = caseKeys(c);
  return [
    disputeEvent('DisputeEvidenceRequested', {
      ...keys,
      requestId,
      party: command.party,
      description: command.description,
      dueBy,
      requestedBy: command.requestedBy,
      ruleId: rules.ruleId,
      rulebookVersion: rulebook.version,
      requestedAt: command.at,
    }),
    disputeEvent('DisputeDeadlineSet', {
      ...keys,
      metric: 'evidence',
      requestId,
      dueAt: dueBy,
      ruleId: rules.ruleId,
      rulebookVersion: rulebook.version,
      basedOn: [],
      setAt: command.at,
    }),
  ];
}

/** The requested party answers once, before the due date; after it the request is overdue and the answer refused. */
export function decideSubmitEvidence(command: SubmitEvidence, state: DisputeState): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  const request = c.evidenceRequests.find((r) => r.id === command.requestId);
  if (!request) throw notFound('evidence request', command.requestId);
  if (request.party !== command.party) {
    throw ruleViolation(DisputeRules.evidenceWrongParty, `evidence request ${request.id} asks the ${request.party}`, { party: request.party });
  }
  if (request.submittedAt !== undefined) {
    throw illegalTransition('submitting evidence again for the same request', 'submitted', DisputeRules.evidenceAlreadySubmitted);
  }
  if (request.overdue || isAtOrAfter(command.at, request.dueAt)) {
    throw ruleViolation(DisputeRules.evidenceOverdue, `the evidence was due by ${request.dueAt}`, { dueAt: request.dueAt });
  }
  requireStatus(c, 'submitting evidence', ['arbitration']);
  const keys = caseKeys(c);
  return [
    disputeEvent('DisputeEvidenceSubmitted', {
      ...keys,
      requestId: request.id,
      party: request.party,
      evidence: command.evidence,
      note: command.note,
      submittedBy: command.submittedBy,
      submittedAt: command.at,
    }),
    disputeEvent('DisputeDeadlineCleared', { ...keys, metric: 'evidence', requestId: request.id, reason: 'met', at: command.at }),
  ];
}

/**
 * The platform rules. The first ruling may be appealed until appealBy; a ruling on an appeal is final and resolves the
 * case. A refund is never more than the buyer paid. Unanswered evidence requests stop counting.
 */
export function decideRuleDispute(command: RuleDispute, state: DisputeState, rulebook: Rulebook): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  requireStatus(c, 'ruling on the case', ['arbitration']);
  if (command.refundAmount !== undefined && c.paidAmount !== undefined && command.refundAmount > c.paidAmount) {
    throw ruleViolation(DisputeRules.refundAboveClaim, `a ruling refunds at most what the buyer paid (${c.paidAmount})`, {
      paid: c.paidAmount,
      refundAmount: command.refundAmount,
    });
  }
  const appeal = disputeRulesOf(rulebook).appeal;
  const onAppeal = c.appeal !== undefined;
  const rulingId = `rul-${c.rulings + 1}`;
  const ruled = disputeEvent('DisputeRuled', {
    ...caseKeys(c),
    buyerId: c.buyerId,
    refundId: c.refundId,
    rulingId,
    outcome: command.outcome,
    refundAmount: command.refundAmount,
    compensation: command.compensation,
    violation: command.violation,
    reason: command.reason,
    ruledBy: command.ruledBy,
    ruledAt: command.at,
    appealBy: onAppeal ? command.at : addDays(command.at, appeal.withinDays),
    appealRuleId: appeal.ruleId,
    rulebookVersion: rulebook.version,
    onAppeal,
    currency: c.currency,
    basedOn: command.basedOn,
  });
  if (onAppeal) return [ruled, ...resolveCase(c, command.at, { rulingId })];
  return [ruled, ...statusChange(c, 'ruled', command.at), ...clearOpenEvidenceRequests(c, command.at)];
}

/** Who lost a ruling: a partial ruling leaves both sides something to appeal. */
const losersOf = (outcome: DisputeRulingOutcome): DisputeParty[] =>
  outcome === 'buyer_wins' ? ['merchant'] : outcome === 'merchant_wins' ? ['buyer'] : ['buyer', 'merchant'];

/** The losing party appeals once, within the window: the case goes back to arbitration. */
export function decideAppealRuling(command: AppealRuling, state: DisputeState, rulebook: Rulebook): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  const { maxAppeals } = disputeRulesOf(rulebook).appeal;
  if (c.appeal !== undefined && maxAppeals <= 1) {
    throw illegalTransition('appealing a second time', c.status, DisputeRules.appealAlreadyMade);
  }
  const ruling = c.ruling;
  // A late appeal is refused as late even once the timer made the ruling final.
  if (ruling && !ruling.onAppeal && isAfter(command.at, ruling.appealBy)) {
    throw ruleViolation(DisputeRules.appealWindowExpired, `the ruling could be appealed until ${ruling.appealBy}`, { appealBy: ruling.appealBy });
  }
  requireStatus(c, 'appealing', ['ruled']);
  if (!ruling) throw illegalTransition('appealing', c.status);
  if (!losersOf(ruling.outcome).includes(command.party)) {
    throw ruleViolation(DisputeRules.appealByWinner, `the ${command.party} won the ruling (${ruling.outcome}) and has nothing to appeal`);
  }
  return [
    disputeEvent('DisputeAppealed', {
      ...caseKeys(c),
      party: command.party,
      reason: command.reason,
      evidence: command.evidence,
      appealedBy: command.appealedBy,
      appealedAt: command.at,
      rulingId: ruling.id,
    }),
    ...statusChange(c, 'arbitration', command.at),
  ];
}
