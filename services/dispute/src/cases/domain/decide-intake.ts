import type { DisputeCaseEvent, Rulebook } from '@aftersales/contracts';
import { addHours, illegalTransition } from '@aftersales/kernel';
import { caseKeys, disputeEvent } from './decide-support';
import type { OpenDispute } from './dispute-commands';
import { disputeRulesOf, DisputeRules } from './dispute-rules';
import type { DisputeCase, DisputeState } from './dispute-state';

/**
 * Intake (受理). A complaint starts `open` with the shop's first-response and resolution clocks running; an escalated
 * refund starts in `arbitration` (the platform's evidence requests set its deadlines). Opening an escalated refund's
 * case again (the refund event delivered twice) changes nothing.
 */
export function decideOpenDispute(command: OpenDispute, state: DisputeState, rulebook: Rulebook): DisputeCaseEvent[] {
  if (state !== null) {
    if (command.origin === 'refund_escalation' && state.refundId === command.refundId) return [];
    throw illegalTransition('opening a second case on the same order and category', state.status, DisputeRules.openCaseExists);
  }
  const status = command.origin === 'refund_escalation' ? 'arbitration' : 'open';
  const { order } = command;
  const opened = disputeEvent('DisputeOpened', {
    disputeId: command.disputeId,
    orderId: order.orderId,
    shopId: order.shopId,
    buyerId: order.buyerId,
    origin: command.origin,
    category: command.category,
    description: command.description,
    refundId: command.refundId,
    evidence: command.evidence,
    status,
    openedBy: command.openedBy,
    openedAt: command.at,
    currency: order.currency,
    paidAmount: order.paidAmount,
    claimedAmount: command.claimedAmount,
  });
  if (status === 'arbitration') return [opened];
  const rules = disputeRulesOf(rulebook);
  const keys = caseKeys({ id: command.disputeId, orderId: order.orderId, shopId: order.shopId } as DisputeCase);
  const deadline = (metric: 'first_response' | 'resolution', ruleId: string, hours: number) =>
    disputeEvent('DisputeDeadlineSet', {
      ...keys,
      metric,
      dueAt: addHours(command.at, hours),
      ruleId,
      rulebookVersion: rulebook.version,
      basedOn: command.basedOn,
      setAt: command.at,
    });
  return [
    opened,
    deadline('first_response', rules.firstResponse.ruleId, rules.firstResponse.withinHours),
    deadline('resolution', rules.resolution.ruleId, rules.resolution.withinHours),
  ];
}
