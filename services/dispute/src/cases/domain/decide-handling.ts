import type { DisputeCaseEvent, Rulebook } from '@aftersales/contracts';
import { addDays, ruleViolation } from '@aftersales/kernel';
import {
  caseKeys,
  clearRunningDeadlines,
  disputeEvent,
  requireCase,
  requireRunning,
  requireStatus,
  resumeResolutionClock,
  statusChange,
} from './decide-support';
import type { AssignDispute, EscalateDispute, PostMessage } from './dispute-commands';
import { disputeRulesOf, DisputeRules } from './dispute-rules';
import type { DisputeCase, DisputeState } from './dispute-state';

export function decideAssignDispute(command: AssignDispute, state: DisputeState): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  requireRunning(c, 'assigning the case');
  if (c.assigneeId === command.assigneeId) return [];
  return [
    disputeEvent('DisputeAssigned', {
      ...caseKeys(c),
      assigneeId: command.assigneeId,
      previousAssigneeId: c.assigneeId,
      assignedBy: command.assignedBy,
      assignedAt: command.at,
    }),
  ];
}

/**
 * A message. The shop's first message to the buyer meets the first response and starts the work (in_progress);
 * `awaitingReply` from the shop waits on the buyer (the resolution clock pauses, the wait has its own deadline); the
 * buyer's message ends the wait and the resolution clock runs again, moved by the paused time.
 */
export function decidePostMessage(command: PostMessage, state: DisputeState, rulebook: Rulebook): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  requireRunning(c, 'posting a message');
  const party = command.author.party;
  if (party === 'buyer' && command.visibility === 'internal') {
    throw ruleViolation(DisputeRules.internalByBuyer, 'a buyer writes to the parties; internal notes are for staff');
  }
  if (command.awaitingReply && party !== 'merchant') {
    throw ruleViolation(DisputeRules.awaitingReplyByShop, 'only the shop waits on the buyer');
  }
  const keys = caseKeys(c);
  const posted = disputeEvent('DisputeMessagePosted', {
    ...keys,
    messageId: `msg-${c.messageCount + 1}`,
    authorId: command.author.id,
    authorParty: party,
    visibility: command.visibility,
    text: command.text,
    awaitingReply: command.awaitingReply,
    postedAt: command.at,
  });
  const toBuyer = command.visibility === 'parties';
  if (party === 'merchant' && toBuyer) return [posted, ...shopAnswers(c, command, rulebook)];
  if (party === 'buyer' && c.status === 'awaiting_buyer') {
    return [posted, ...statusChange(c, 'in_progress', command.at), ...resumeResolutionClock(c, command.at)];
  }
  return [posted];
}

/** What the shop's message to the buyer changes: the first response is met, the case is worked on or waits on the buyer. */
function shopAnswers(c: DisputeCase, command: PostMessage, rulebook: Rulebook): DisputeCaseEvent[] {
  const keys = caseKeys(c);
  const events: DisputeCaseEvent[] = [];
  // Met late is met too: a breached first response stops being overdue once the shop writes.
  const firstResponseDue = c.deadlines.first_response !== undefined || c.slaBreaches.some((b) => b.metric === 'first_response');
  if (!c.firstResponseMet && firstResponseDue) {
    events.push(disputeEvent('DisputeDeadlineCleared', { ...keys, metric: 'first_response', reason: 'met', at: command.at }));
  }
  const waiting = command.awaitingReply && (c.status === 'open' || c.status === 'in_progress');
  if (!waiting) {
    return c.status === 'open' ? [...events, ...statusChange(c, 'in_progress', command.at)] : events;
  }
  const rules = disputeRulesOf(rulebook).awaitingBuyer;
  events.push(...statusChange(c, 'awaiting_buyer', command.at));
  if (c.deadlines.resolution) {
    events.push(disputeEvent('DisputeDeadlineCleared', { ...keys, metric: 'resolution', reason: 'paused', at: command.at }));
  }
  events.push(
    disputeEvent('DisputeDeadlineSet', {
      ...keys,
      metric: 'awaiting_buyer',
      dueAt: addDays(command.at, rules.closeAfterDays),
      ruleId: rules.ruleId,
      rulebookVersion: rulebook.version,
      basedOn: [],
      setAt: command.at,
    }),
  );
  return events;
}

/**
 * Escalation by buyer or shop: to a supervisor (the shop's clocks keep running), or to platform arbitration, where
 * the shop's first-response and resolution clocks stop and the platform's evidence requests set the deadlines.
 */
export function decideEscalateDispute(command: EscalateDispute, state: DisputeState): DisputeCaseEvent[] {
  const c = requireCase(state, command.disputeId);
  const toPlatform = command.to === 'platform';
  requireStatus(c, toPlatform ? 'escalating to the platform' : 'escalating to a supervisor', toPlatform ? BEFORE_ARBITRATION : BEFORE_SUPERVISOR);
  const escalated = disputeEvent('DisputeEscalated', {
    ...caseKeys(c),
    to: command.to,
    reason: command.reason,
    escalatedBy: command.escalatedBy,
    party: command.party,
    at: command.at,
  });
  if (!toPlatform) return [escalated, ...statusChange(c, 'escalated', command.at), ...resumeResolutionClock(c, command.at)];
  // The shop's clocks stop (a paused resolution clock stays stopped): the platform's evidence requests set deadlines now.
  return [escalated, ...statusChange(c, 'arbitration', command.at), ...clearRunningDeadlines(c, command.at)];
}

const BEFORE_SUPERVISOR = ['open', 'in_progress', 'awaiting_buyer', 'remedy_proposed'] as const;
const BEFORE_ARBITRATION = [...BEFORE_SUPERVISOR, 'escalated'] as const;
