import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, notFound, ruleViolation, waitUntil, type WaitOptions } from '@aftersales/kernel';
import type { OrderFacts } from '../domain';
import { disputeCompensationPlan, DISPUTE_EVENTS_COMPENSATION_REACTS_TO } from '../policies/dispute-compensation.policy';
import { ORDER_FACTS_COLLECTION, type OrderFactsDoc } from '../projections/order-facts.projection';
import { REMEDY_APPROVALS_COLLECTION, remedyApprovalId, type RemedyApprovalDoc } from '../projections/remedy-approvals.projection';
import { COMPENSATION_ACTOR, COMPENSATION_GROUP, type CompensationHandlers } from './compensation-handlers';
import { reactionContext, reactTo } from './compensation-reaction';
import type { CompensationReactionOutcome } from './compensation.types';

export { DISPUTE_EVENTS_COMPENSATION_REACTS_TO };

/**
 * Dispute topic, group `compensation`: an accepted compensation remedy or a ruling's compensation becomes a decision
 * naming the case (`disputeId`, and the remedy or ruling in its note), its rule and rulebook version; it is then paid
 * out (or waits for a supervisor above the threshold) like any decision. Key consumer:compensation:<eventId>.
 */
export async function onDisputeEvent(h: CompensationHandlers, event: EventEnvelope): Promise<CompensationReactionOutcome> {
  if (!DISPUTE_EVENTS_COMPENSATION_REACTS_TO.includes(event.type)) return { outcome: 'ignored' };
  const plan = disputeCompensationPlan(event);
  if (!plan) return { outcome: 'ignored' };
  return reactTo(event, h.log, async () => {
    if (!plan.decide) throw ruleViolation('compensation.dispute_without_amount', plan.refusal);
    const doc = await h.platform.readModels.get<OrderFactsDoc>(ORDER_FACTS_COLLECTION, plan.orderId);
    if (!doc) throw notFound('order', plan.orderId);
    const { id: _id, revision: _revision, ...facts } = doc;
    const decided = await h.decide(plan.compensationId, plan.claim, facts as OrderFacts, plan.extra, reactionContext(event));
    if (decided.state.status !== 'awaiting_approval' || !plan.remedy) return decided;
    return (await approvedInTheCase(h, event, plan.compensationId, plan.remedy)) ?? decided;
  });
}

/**
 * How long the decision waits for the case's approval to reach `compensation_remedy_approvals`: another consumer group
 * writes it (in multi-process mode it may run behind this one), and the rulebook's thresholds for a case's remedy and
 * for a compensation are the same, so a remedy that needs approval here was approved in its case.
 */
const DEFAULT_CASE_APPROVAL_WAIT: WaitOptions = { timeoutMs: 15_000, intervalMs: 50 };

/**
 * A remedy above the threshold needed a supervisor's approval in its case before the buyer could accept it: that
 * approval (DisputeRemedyApproved) is recorded as the compensation's, naming the supervisor and the case's event. Not
 * known here (yet) after the wait: the decision waits for a supervisor in /compensations like any other.
 */
async function approvedInTheCase(h: CompensationHandlers, event: EventEnvelope, compensationId: string, remedy: { disputeId: string; remedyId: string }) {
  const readApproval = () => h.platform.readModels.get<RemedyApprovalDoc>(REMEDY_APPROVALS_COLLECTION, remedyApprovalId(remedy.disputeId, remedy.remedyId));
  const approval = await waitUntil(readApproval, (doc) => doc !== undefined, h.deps.caseApprovalWait ?? DEFAULT_CASE_APPROVAL_WAIT);
  if (!approval) return undefined;
  return h.run(
    compensationId,
    (at) => ({
      type: 'ApproveCompensation',
      compensationId,
      approverId: approval.approverId,
      approverRole: 'supervisor',
      note: `approved with remedy ${remedy.remedyId} of case ${remedy.disputeId} (event ${approval.eventId})`,
      at,
    }),
    contextFromEvent(event, { group: COMPENSATION_GROUP, actor: COMPENSATION_ACTOR, effect: 'approval' }),
  );
}
