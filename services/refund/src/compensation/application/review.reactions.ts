import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, notFound } from '@aftersales/kernel';
import type { OrderFacts } from '../domain';
import { followUpCompensationPlan, REVIEW_EVENTS_COMPENSATION_REACTS_TO } from '../policies/review-compensation.policy';
import { ORDER_FACTS_COLLECTION, type OrderFactsDoc } from '../projections/order-facts.projection';
import { COMPENSATION_ACTOR, COMPENSATION_GROUP, type CompensationHandlers } from './compensation-handlers';
import { reactionContext, reactTo } from './compensation-reaction';
import type { CompensationReactionOutcome } from './compensation.types';

export { REVIEW_EVENTS_COMPENSATION_REACTS_TO };

/**
 * Review topic, group `compensation`: a goodwill credit granted in a bad-review follow-up becomes a goodwill decision
 * (`cmp_rfu_<follow-up>_<remedy>`, its rule, rulebook version and arithmetic, the follow-up named in its note), paid
 * out like any decision: once per remedy, whatever the redeliveries (one stream per remedy; key
 * consumer:compensation:<eventId>). A credit a supervisor approved in the follow-up records that approval.
 */
export async function onReviewEvent(h: CompensationHandlers, event: EventEnvelope): Promise<CompensationReactionOutcome> {
  if (!REVIEW_EVENTS_COMPENSATION_REACTS_TO.includes(event.type)) return { outcome: 'ignored' };
  const plan = followUpCompensationPlan(event);
  if (!plan) return { outcome: 'ignored' };
  return reactTo(event, h.log, async () => {
    const doc = await h.platform.readModels.get<OrderFactsDoc>(ORDER_FACTS_COLLECTION, plan.orderId);
    if (!doc) throw notFound('order', plan.orderId);
    const { id: _id, revision: _revision, ...facts } = doc;
    const decided = await h.decide(plan.compensationId, plan.claim, facts as OrderFacts, { note: plan.note }, reactionContext(event));
    if (decided.state.status !== 'awaiting_approval' || plan.approverId === undefined) return decided;
    const approverId = plan.approverId;
    return h.run(
      plan.compensationId,
      (at) => ({
        type: 'ApproveCompensation',
        compensationId: plan.compensationId,
        approverId,
        approverRole: 'supervisor',
        note: `approved with remedy ${plan.remedyId} of review follow-up ${plan.followUpId} (event ${event.eventId})`,
        at,
      }),
      contextFromEvent(event, { group: COMPENSATION_GROUP, actor: COMPENSATION_ACTOR, effect: 'approval' }),
    );
  });
}
