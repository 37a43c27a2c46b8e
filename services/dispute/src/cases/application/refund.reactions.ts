import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, react } from '@aftersales/kernel';
import { caseOfRefundEscalation } from '../policies';
import { DISPUTE_ORDER_FACTS, type DisputeOrderFactsDoc } from '../projections';
import type { CaseDeps } from './cases.types';
import { DISPUTE_CONSUMER_GROUP, REFUND_SERVICE_ACTOR } from './dispute-actors';
import { runDisputeCommand } from './dispute-handler';
import { applied, type CaseReactionOutcome } from './reaction-outcome';

/**
 * Refund topic, group `dispute`: an escalated refund opens its case in arbitration, under the id the refund recorded.
 * Idempotent twice over: the consumer key, and the decider ignoring the same escalation on an opened case.
 */
export async function onRefundEvent(deps: Pick<CaseDeps, 'handler' | 'log' | 'platform'>, event: EventEnvelope): Promise<CaseReactionOutcome> {
  const opened = caseOfRefundEscalation(event);
  if (!opened) return { outcome: 'ignored' };
  const ctx = contextFromEvent(event, { group: DISPUTE_CONSUMER_GROUP, actor: REFUND_SERVICE_ACTOR });
  // What the buyer paid, when the order topic told the service already: the ruling's refund is capped by it.
  const facts = await deps.platform.readModels.get<DisputeOrderFactsDoc>(DISPUTE_ORDER_FACTS, opened.order.orderId);
  const { disputeId, ...input } = opened;
  const order = { ...input.order, ...(facts?.paidAmount !== undefined ? { paidAmount: facts.paidAmount } : {}) };
  return react(event, deps.log, async () => applied(await runDisputeCommand(deps.handler, 'OpenDispute', disputeId, { ...input, order }, ctx)));
}
