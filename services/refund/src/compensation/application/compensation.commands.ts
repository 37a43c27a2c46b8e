import { notFound, type CommandContext } from '@aftersales/kernel';
import { compensationIdOf, type CompensationClaim, type OrderFacts } from '../domain';
import { ORDER_FACTS_COLLECTION, type OrderFactsDoc } from '../projections/order-facts.projection';
import type { CompensationHandlers } from './compensation-handlers';
import type { CompensationCommandResult, CompensationService, ProposeCompensationInput } from './compensation.types';

/**
 * An agent's proposal, computed from the order facts by the current rulebook (goodwill names its amount). A second
 * proposal of a rule-computed kind for the same order is refused (409 `compensation.already_decided`, naming the first).
 */
export async function proposeCompensation(h: CompensationHandlers, input: ProposeCompensationInput, ctx: CommandContext): Promise<CompensationCommandResult> {
  const doc = await h.platform.readModels.get<OrderFactsDoc>(ORDER_FACTS_COLLECTION, input.orderId);
  if (!doc) throw notFound('order', input.orderId);
  const { id: _id, revision: _revision, ...facts } = doc;
  const claim: CompensationClaim = input.kind === 'goodwill' ? { kind: 'goodwill', proposedAmount: input.amount ?? 0 } : { kind: input.kind, items: input.items };
  const extra = {
    ...(input.refundId ? { refundId: input.refundId } : {}),
    ...(input.disputeId ? { disputeId: input.disputeId } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  // One decision per order and kind (goodwill aside): the id names both, so a second proposal meets the first's stream.
  const compensationId = compensationIdOf(input.orderId, input.kind) ?? h.newId(h.platform.clock.now());
  return h.decide(compensationId, claim, facts as OrderFacts, extra, ctx, 'refuse');
}

/** A supervisor's answer to a compensation above the approval threshold. */
export function approvalCommands(h: CompensationHandlers): Pick<CompensationService, 'approve' | 'reject'> {
  return {
    approve: (id, input, ctx) =>
      h.run(id, (at) => ({ type: 'ApproveCompensation', compensationId: id, approverId: ctx.actor.id, approverRole: ctx.actor.role, ...(input.note ? { note: input.note } : {}), at }), ctx),
    reject: (id, input, ctx) => h.run(id, (at) => ({ type: 'RejectCompensation', compensationId: id, approverId: ctx.actor.id, approverRole: ctx.actor.role, reason: input.reason, at }), ctx),
  };
}
