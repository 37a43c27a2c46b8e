import type { DisputeCaseEvent } from '@aftersales/contracts';
import { isAtOrAfter } from '@aftersales/kernel';
import { caseKeys, clearRunningDeadlines, disputeEvent, requireCase, resolveCase, statusChange } from './decide-support';
import type { CheckDeadline, FinalizeRuling } from './dispute-commands';
import type { DisputeCase, DisputeState } from './dispute-state';

/**
 * A deadline's timer fired. A deadline still running and due is breached; an evidence request still unanswered is
 * overdue; a case that waited on the buyer too long closes. A deadline met, cleared or moved later changes nothing
 * (its timer fires into nothing, or again at the new time).
 */
export function decideCheckDeadline(command: CheckDeadline, state: DisputeState): DisputeCaseEvent[] {
  if (state === null) return [];
  const c = requireCase(state, command.disputeId);
  if (command.metric === 'evidence') return evidenceFallsDue(c, command);
  const deadline = c.deadlines[command.metric];
  if (!deadline || !isAtOrAfter(command.at, deadline.dueAt)) return [];
  const keys = caseKeys(c);
  if (command.metric === 'awaiting_buyer') {
    return [
      disputeEvent('DisputeClosed', {
        ...keys,
        reason: 'buyer_unresponsive',
        ruleId: deadline.ruleId,
        rulebookVersion: deadline.rulebookVersion,
        closedAt: command.at,
      }),
      ...statusChange(c, 'closed', command.at),
      ...clearRunningDeadlines(c, command.at, ['first_response', 'resolution']),
    ];
  }
  return [
    disputeEvent('DisputeSlaBreached', {
      ...keys,
      metric: command.metric,
      dueAt: deadline.dueAt,
      breachedAt: command.at,
      ruleId: deadline.ruleId,
      rulebookVersion: deadline.rulebookVersion,
    }),
  ];
}

function evidenceFallsDue(c: DisputeCase, command: CheckDeadline): DisputeCaseEvent[] {
  const request = c.evidenceRequests.find((r) => r.id === command.requestId);
  if (!request || request.submittedAt !== undefined || request.overdue) return [];
  if (!isAtOrAfter(command.at, request.dueAt) || c.status !== 'arbitration') return [];
  const keys = caseKeys(c);
  return [
    disputeEvent('DisputeEvidenceOverdue', {
      ...keys,
      requestId: request.id,
      party: request.party,
      dueBy: request.dueAt,
      recordedAt: command.at,
    }),
    disputeEvent('DisputeSlaBreached', {
      ...keys,
      metric: 'evidence',
      requestId: request.id,
      dueAt: request.dueAt,
      breachedAt: command.at,
      ruleId: request.ruleId,
      rulebookVersion: request.rulebookVersion,
    }),
  ];
}

/** The appeal window of a ruling passed without an appeal: the ruling is final and the case resolved. */
export function decideFinalizeRuling(command: FinalizeRuling, state: DisputeState): DisputeCaseEvent[] {
  if (state === null) return [];
  const c = state;
  if (c.status !== 'ruled' || c.ruling?.id !== command.rulingId || !isAtOrAfter(command.at, c.ruling.appealBy)) return [];
  return resolveCase(c, command.at, { rulingId: c.ruling.id });
}
