import type { DisputeRefundSettled, EventEnvelope } from '@aftersales/contracts';
import { isRefused, readFedView } from '@aftersales/kernel';
import { allowanceStreamId, refundableOf, settlementStreamId, type Refund } from '../domain';
import { disputeRefundIdOf, disputeRefundPlan, DISPUTE_EVENTS_REFUNDS_REACT_TO, type DisputeRefundPlan } from '../policies/dispute-money.policy';
import { REFUND_ORDER_FACTS, type OrderFactsDoc } from '../projections/order-facts.projection';
import { reactionContext, runEffects, type ReactionEffect } from './reaction-effects';
import type { RefundHandlers } from './refund-handlers';
import { refundStreamId } from './refund-ids';
import type { RefundReactionOutcome } from './refunds.types';

export { DISPUTE_EVENTS_REFUNDS_REACT_TO };

/*
 * Dispute topic, group `refund`: an accepted remedy or a ruling is carried out on the refunds. First the case's
 * settlement stream decides, once per cause, how much is paid and through which refund (never more than the order can
 * still refund; an appeal's ruling pays only what it adds); then each refund is paid (the escalated refund approved by
 * the case, or a refund the case causes, reserved on the allowance first), and an escalated refund that pays nothing
 * is closed. Every command runs under consumer:refund:<eventId>:<effect>, so a redelivery appends nothing.
 */
export async function onDisputeEvent(h: RefundHandlers, event: EventEnvelope): Promise<RefundReactionOutcome> {
  if (!DISPUTE_EVENTS_REFUNDS_REACT_TO.includes(event.type)) return { outcome: 'ignored' };
  const plan = disputeRefundPlan(event);
  if (!plan) return { outcome: 'ignored' };
  const escalated = plan.refundId ? (await h.refunds.load(refundStreamId(plan.refundId))).state : null;
  const open = escalated?.status === 'escalated' ? escalated : undefined;
  const entitled = plan.entitled === 'requested' ? (escalated?.amount ?? 0) : plan.entitled;
  if (entitled === 0 && !open && !plan.alwaysSettle) return { outcome: 'ignored' };

  const refundable = await refundableForCase(h, plan.orderId, open);
  let settled: DisputeRefundSettled | undefined;
  const decided = await runEffects(event, h.log, [
    {
      name: 'settle the case refunds',
      run: async () => {
        const result = await h.settlements.handle(
          settlementStreamId(plan.disputeId),
          (at) => ({
            type: 'SettleDisputeRefund',
            disputeId: plan.disputeId,
            orderId: plan.orderId,
            shopId: plan.shopId,
            buyerId: plan.buyerId,
            currency: plan.currency,
            cause: plan.cause,
            entitledAmount: entitled,
            ...(open ? { escalatedRefund: { refundId: open.id, amount: open.amount } } : {}),
            refundable,
            disputeRefundId: disputeRefundIdOf(plan.cause),
            at,
          }),
          reactionContext(event, 'settlement'),
        );
        settled = result.events.find((e) => e.type === 'DisputeRefundSettled')?.data as DisputeRefundSettled | undefined;
        settled ??= await settlementOf(h, plan);
      },
    },
  ]);
  if (isRefused(decided) || !settled) return decided;
  const steps: ReactionEffect[] = settled.payments.map((payment) =>
    payment.route === 'escalated_refund'
      ? resolveEscalated(h, event, plan, payment.refundId, 'paid', payment.amount, settled as DisputeRefundSettled)
      : { name: `open the refund ${payment.refundId} the case causes`, run: () => openDisputeRefund(h, event, plan, payment.refundId, payment.amount, settled as DisputeRefundSettled) },
  );
  if (open && !settled.payments.some((p) => p.refundId === open.id)) steps.push(resolveEscalated(h, event, plan, open.id, 'closed', 0, settled));
  const paid = await runEffects(event, h.log, steps);
  if (isRefused(paid) || paid.outcome !== 'applied') return paid;
  return { outcome: 'applied', effects: ['settle the case refunds', ...paid.effects] };
}

/** The settlement of this cause, when an earlier delivery recorded it. */
async function settlementOf(h: RefundHandlers, plan: DisputeRefundPlan): Promise<DisputeRefundSettled | undefined> {
  const stream = await h.platform.eventStore.readStream(settlementStreamId(plan.disputeId));
  return stream
    .map((e) => e.data as DisputeRefundSettled)
    .find((d) => d.cause.remedyId === plan.cause.remedyId && d.cause.rulingId === plan.cause.rulingId);
}

function resolveEscalated(
  h: RefundHandlers,
  event: EventEnvelope,
  plan: DisputeRefundPlan,
  refundId: string,
  outcome: 'paid' | 'closed',
  amount: number,
  settled: DisputeRefundSettled,
): ReactionEffect {
  const explanation = outcome === 'paid' ? `${plan.describe}: ${settled.explanation}` : `${plan.describe}: the escalated refund ends without money`;
  return {
    name: outcome === 'paid' ? `pay the escalated refund ${refundId}` : `close the escalated refund ${refundId}`,
    run: () =>
      h.runRefund(
        refundId,
        { type: 'ResolveByDispute', refundId, cause: plan.cause, outcome, amount, approval: plan.approval, explanation },
        reactionContext(event, `refund:${refundId}`),
      ),
  };
}

/** Reserves the amount on the order's allowance (refused beyond what is left), then records the refund, approved. */
async function openDisputeRefund(
  h: RefundHandlers,
  event: EventEnvelope,
  plan: DisputeRefundPlan,
  refundId: string,
  amount: number,
  settled: DisputeRefundSettled,
): Promise<void> {
  const facts = await h.platform.readModels.get<OrderFactsDoc>(REFUND_ORDER_FACTS, plan.orderId);
  const payment = facts
    ? { shopId: facts.shopId, paidAmount: facts.paidAmount, currency: facts.currency, sourceEventId: facts.paymentEventId ?? facts.orderId }
    : undefined;
  const reservation = await h.runAllowance(
    plan.orderId,
    { type: 'ReserveRefund', orderId: plan.orderId, refundId, amount, ...(payment ? { payment } : {}) },
    reactionContext(event, `reserve:${refundId}`),
  );
  const reserved = reservation.events.find((e) => e.type === 'RefundAllowanceReserved')?.data as { refundableBefore: number } | undefined;
  const refundableAmount = reserved?.refundableBefore ?? (reservation.state ? refundableOf(reservation.state) + amount : amount);
  await h.runRefund(
    refundId,
    {
      type: 'OpenDisputeRefund',
      refundId,
      order: { orderId: plan.orderId, shopId: plan.shopId, buyerId: plan.buyerId, currency: plan.currency },
      refundableAmount,
      cause: plan.cause,
      outcome: 'paid',
      amount,
      approval: plan.approval,
      explanation: `${plan.describe}: ${settled.explanation}`,
    },
    reactionContext(event, `refund:${refundId}`),
  );
}

/** What the order can still refund for the case: the allowance's free amount plus the escalated refund's own reservation. */
export async function refundableForCase(h: RefundHandlers, orderId: string, open: Pick<Refund, 'id'> | undefined): Promise<number> {
  const { state } = await h.allowances.load(allowanceStreamId(orderId));
  if (state === null) {
    // Nothing was refunded on the order yet: what it paid, from the order facts. Not known yet (the view's group is
    // behind) is not "nothing paid": the reaction fails and the event comes again.
    const read = () => h.platform.readModels.get<OrderFactsDoc>(REFUND_ORDER_FACTS, orderId);
    const facts = await readFedView(read, (d) => d !== undefined, h.orderFeedLag, h.waitOptions);
    if (!facts) throw new Error(`order ${orderId} is not known to the refund service yet`);
    return facts.paidAmount;
  }
  return refundableOf(state) + (open ? (state.reservations[open.id] ?? 0) : 0);
}
