import type { EventEnvelope } from '@aftersales/contracts';
import { DomainError } from '@aftersales/kernel';
import { RefundRules } from '../domain';
import { followUpRefundPlan, REVIEW_EVENTS_REFUNDS_REACT_TO } from '../policies/follow-up-refund.policy';
import { REFUND_ORDER_FACTS, type OrderFactsDoc } from '../projections/order-facts.projection';
import { refundableForCase } from './dispute.reactions';
import { refundStreamId } from './refund-ids';
import { reactionContext, runEffects, type ReactionEffect } from './reaction-effects';
import type { RefundHandlers } from './refund-handlers';
import type { RefundReactionOutcome } from './refunds.types';

export { REVIEW_EVENTS_REFUNDS_REACT_TO };

/*
 * Review topic, group `refund`: a partial refund granted in a bad-review follow-up is paid by a refund of its own
 * (`rfd_rfu_<follow-up>_<remedy>`) naming the follow-up as its cause. Within what the order can still refund it is
 * reserved on the allowance, then opened approved and authorized; beyond it the refund records a refusal and nothing
 * is paid. Every command runs under consumer:refund:<eventId>:<effect>, and a remedy whose refund stream already has
 * its outcome is not looked at again, so a redelivery appends nothing.
 */
export async function onReviewEvent(h: RefundHandlers, event: EventEnvelope): Promise<RefundReactionOutcome> {
  if (!REVIEW_EVENTS_REFUNDS_REACT_TO.includes(event.type)) return { outcome: 'ignored' };
  const plan = followUpRefundPlan(event);
  if (!plan) return { outcome: 'ignored' };
  const { refundId, order, amount } = plan;
  const decided = await h.platform.eventStore.readStream(refundStreamId(refundId));
  if (decided.length > 0) return { outcome: 'applied', effects: [] };
  // its own reservation counts as refundable: a redelivery after the reservation still opens the refund
  let refundable = await refundableForCase(h, order.orderId, { id: refundId });
  const steps: ReactionEffect[] = [];
  if (amount <= refundable) {
    const facts = await h.platform.readModels.get<OrderFactsDoc>(REFUND_ORDER_FACTS, order.orderId);
    const payment = facts
      ? { shopId: facts.shopId, paidAmount: facts.paidAmount, currency: facts.currency, sourceEventId: facts.paymentEventId ?? facts.orderId }
      : undefined;
    steps.push({
      name: `reserve the refund ${refundId}`,
      run: async () => {
        try {
          await h.runAllowance(
            order.orderId,
            { type: 'ReserveRefund', orderId: order.orderId, refundId, amount, ...(payment ? { payment } : {}) },
            reactionContext(event, `reserve:${refundId}`),
          );
        } catch (error) {
          // another refund took the room since it was read: the refund records the refusal with the allowance's figure
          if (!(error instanceof DomainError) || error.code !== RefundRules.amountExceedsRefundable) throw error;
          refundable = Number(error.details.refundable ?? 0);
        }
      },
    });
  }
  steps.push({
    name: `open or refuse the refund ${refundId} the follow-up causes`,
    run: () =>
      h.runRefund(
        refundId,
        { type: 'OpenFollowUpRefund', refundId, order, cause: plan.cause, amount, refundableAmount: refundable },
        reactionContext(event, `refund:${refundId}`),
      ),
  });
  return runEffects(event, h.log, steps);
}
