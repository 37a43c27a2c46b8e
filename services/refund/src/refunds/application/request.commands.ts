import { DomainError, readFedView, WrongExpectedRevisionError, type CommandContext } from '@aftersales/kernel';
import { allowanceStreamId, isMoneyType, refundableOf, type RefundCommand, type RequestRefund } from '../domain';
import { orderFactsOf, REFUND_ORDER_FACTS, type OrderFactsDoc } from '../projections/order-facts.projection';
import type { RefundHandlers } from './refund-handlers';
import { newRefundId, refundIdForKey, refundStreamId } from './refund-ids';
import type { RefundCommandResult, RequestRefundInput } from './refunds.types';

/*
 * Consistency notes:
 * - Never more refunded than paid: a request first reserves its amount on the order's allowance stream
 *   (`refund-allowance-<orderId>`), appended with the stream's expected revision, then records RefundRequested on its
 *   own stream. The first reservation opens the allowance with the payment the order topic reported. Concurrent
 *   requests race on the allowance: the loser re-reads and is refused if nothing is left.
 * - A reservation never outlives its request: If-Match and every rule are checked before reserving, and a recording
 *   that still fails releases the reservation at once. Only a crash between the two writes leaves a reservation
 *   without a request; a durable timer releases it.
 * - The order facts come from the order topic (`refund_order_facts`); a request right after the payment waits for
 *   them, bounded and only while the view's consumer group is behind (an unknown order is 404 at once). Commands wait
 *   (bounded) for the `refunds` projection, so a GET right after sees them.
 */

/**
 * The order as the order topic described it. While the view does not know the order (or not its payment, for a money
 * request) it waits, bounded, only while the group that feeds the view is behind: an unknown order is 404 at once.
 */
async function orderFacts(h: RefundHandlers, orderId: string, needsPayment: boolean): Promise<OrderFactsDoc> {
  const read = () => h.platform.readModels.get<OrderFactsDoc>(REFUND_ORDER_FACTS, orderId);
  const ready = (d: OrderFactsDoc | undefined) => d !== undefined && (!needsPayment || d.paidAmount > 0);
  const doc = await readFedView(read, ready, h.orderFeedLag, h.waitOptions);
  if (!doc) throw new DomainError('not_found', 'not_found', `order ${orderId} does not exist`, { id: orderId });
  return doc;
}

/** POST /refunds: reserves the amount on the order's allowance (money requests), then records the request. */
export async function requestRefund(h: RefundHandlers, input: RequestRefundInput, ctx: CommandContext): Promise<RefundCommandResult> {
  const { eventStore, clock } = h.platform;
  const { refunds, decider, readYourWrites } = h;
  // A replayed Idempotency-Key answers from the log before anything is reserved again.
  if (ctx.commandKey && (await eventStore.findCommandKey(ctx.commandKey.key))) {
    return refunds.handle(refundStreamId(refundIdForKey(ctx.commandKey.key)), () => ({}) as RefundCommand, ctx);
  }
  const now = clock.now();
  const at = now.toISOString();
  const refundId = ctx.commandKey ? refundIdForKey(ctx.commandKey.key) : (h.options.newRefundId ?? newRefundId)(now);
  const streamId = refundStreamId(refundId);
  const facts = await orderFacts(h, input.orderId, isMoneyType(input.type));
  const order = orderFactsOf(facts);
  // Everything that can refuse the request is checked before anything is written, so a refused request reserves
  // nothing: the caller's If-Match against the request's stream (a new request's stream does not exist yet), then
  // every rule of the decider.
  const current = await refunds.load(streamId);
  if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== current.revision) {
    throw new WrongExpectedRevisionError(streamId, ctx.expectedRevision, current.revision < 0 ? 'no_stream' : current.revision);
  }
  const { state: allowance } = await h.allowances.load(allowanceStreamId(input.orderId));
  // Before the first reservation the allowance is what the order topic reported as paid. A retry of a request
  // that reserved before a crash finds its own reservation: it still counts as refundable.
  const refundable = allowance === null ? order.paidAmount : refundableOf(allowance) + (allowance.reservations[refundId] ?? 0);
  const request = (refundableAmount: number): RequestRefund => ({
    type: 'RequestRefund',
    refundId,
    order,
    refundType: input.type,
    reason: input.reason,
    amount: input.amount,
    refundableAmount,
    evidence: input.evidence ?? [],
    at,
    ...(input.items !== undefined ? { items: input.items } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.goodsCondition !== undefined ? { goodsCondition: input.goodsCondition } : {}),
  });
  decider.decide(request(refundable), current.state);
  if (!isMoneyType(input.type)) return readYourWrites(await refunds.handle(streamId, request(refundable), ctx));

  // The reservation is its own write: the client's Idempotency-Key and If-Match belong to the request's stream.
  const { commandKey: _requestKey, expectedRevision: _seen, ...reservationCtx } = ctx;
  const payment = {
    shopId: order.shopId,
    paidAmount: order.paidAmount,
    currency: order.currency,
    sourceEventId: facts.paymentEventId ?? order.orderId,
  };
  const reserve = { type: 'ReserveRefund', orderId: input.orderId, refundId, amount: input.amount, payment } as const;
  const reservation = await h.runAllowance(input.orderId, reserve, reservationCtx);
  const reserved = reservation.events.find((e) => e.type === 'RefundAllowanceReserved');
  const refundableBefore = reserved ? (reserved.data as { refundableBefore: number }).refundableBefore : refundable;
  try {
    return readYourWrites(await refunds.handle(streamId, request(refundableBefore), ctx));
  } catch (error) {
    // A reservation never outlives the request that made it: whatever refused or failed the recording (a rule on
    // state that moved meanwhile, a race on the stream, the store), the reservation this call made is given back now.
    // The orphan timer remains only for a crash between the two writes.
    if (reserved) await releaseUnrecorded(h, input.orderId, refundId, reservationCtx, error);
    throw error;
  }
}

/**
 * Releases the reservation of a request whose recording failed, unless the request was recorded after all (a
 * concurrent call with the same Idempotency-Key): the same check the orphan timer makes. A release that fails too
 * is left to the orphan timer.
 */
async function releaseUnrecorded(h: RefundHandlers, orderId: string, refundId: string, ctx: CommandContext, cause: unknown): Promise<void> {
  try {
    const { state } = await h.refunds.load(refundStreamId(refundId));
    await h.runAllowance(orderId, { type: 'ReleaseOrphanReservation', orderId, refundId, requestRecorded: state !== null }, ctx);
  } catch (error) {
    h.log('the reservation of a request that was not recorded is left to the orphan timer', {
      orderId,
      refundId,
      cause: String(cause),
      error: String(error),
    });
  }
}
