import { currentRulebook, refundEvents, type ReturnAddress } from '@aftersales/contracts';
import { CommandHandler, DomainError, timerCommandKey, waitUntil, type CommandContext, type Platform, type RecordedEvent, type Timer } from '@aftersales/kernel';
import {
  allowanceDecider,
  allowanceStreamId,
  isMoneyType,
  makeRefundDecider,
  needsReturn,
  refundableOf,
  refundTimerCommandTypes,
  requireRefund,
  type AllowanceCommand,
  type RefundCommand,
  type RefundTimerCommand,
  type RequestRefund,
} from '../domain';
import { allowanceTimerPolicy, refundTimerPolicy, REFUND_SERVICE } from '../policies';
import { orderFactsOf, REFUND_ORDER_FACTS, type OrderFactsDoc } from '../projections/order-facts.projection';
import { REFUNDS_COLLECTION, SHOP_RETURN_ADDRESSES, type RefundDocument, type ShopReturnAddressDoc } from '../projections/refund-document';
import { disputeIdOf, newRefundId, refundIdForKey, refundStreamId, replacementOrderIdOf } from './refund-ids';
import { REFUND_CONSUMER_GROUP, REFUND_SCHEDULER_ACTOR } from './refund-actors';
import { createRefundReactions } from './refund-reactions';
import { refundsProjection } from '../projections/refunds.projection';
import type { RefundCommandResult, Refunds, RefundsDependencies, RefundsOptions, RequestRefundInput } from './refunds.types';

/*
 * Consistency notes:
 * - Never more refunded than paid: a request first reserves its amount on the order's allowance stream
 *   (`refund-allowance-<orderId>`), appended with the stream's expected revision, then records RefundRequested on its
 *   own stream. The first reservation opens the allowance with the payment the order topic reported. Concurrent requests race on the allowance: the loser re-reads and is refused if nothing is left. A
 *   crash between the two writes leaves a reservation without a request; a durable timer releases it.
 * - The order facts come from the order topic (`refund_order_facts`); a request right after the payment waits
 *   (bounded) for them. Commands wait (bounded) for the `refunds` projection, so a GET right after sees them.
 */

/** Where buyers send goods back when a merchant never answered and never gave an address (a platform returns desk). */
export const PLATFORM_RETURNS_DESK: ReturnAddress = {
  name: 'Platform returns desk',
  phone: '+86 400 000 0000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Yuhang',
  street: 'After-sales returns centre',
};

const schemaVersions = new Map(refundEvents.map((d) => [d.type, d.version]));
const schemaVersionOf = (type: string) => schemaVersions.get(type) ?? 1;

type WithoutTime<C> = C extends unknown ? Omit<C, 'at'> : never;

export function createRefunds(platform: Platform, deps: RefundsDependencies, options: RefundsOptions = {}): Refunds {
  const { eventStore, readModels, clock } = platform;
  const rulebook = options.rulebook ?? currentRulebook();
  const decider = makeRefundDecider(rulebook);
  const refunds = new CommandHandler(eventStore, clock, { decider, schemaVersionOf });
  // Concurrent requests on one order race here: more attempts than the default before a 409.
  const allowances = new CommandHandler(eventStore, clock, { decider: allowanceDecider, schemaVersionOf }, { maxAttempts: 25 });
  const log = options.log ?? ((message, details) => console.warn(`[refund] ${message}`, details ?? ''));
  const waitOptions = { timeoutMs: options.consistencyTimeoutMs ?? 2_000, intervalMs: options.pollIntervalMs ?? 5 };
  const makeRefundId = options.newRefundId ?? newRefundId;

  const runRefund = (refundId: string, command: WithoutTime<RefundCommand>, ctx: CommandContext) =>
    refunds.handle(refundStreamId(refundId), (at) => ({ ...command, at }) as RefundCommand, ctx);
  const runAllowance = (orderId: string, command: WithoutTime<AllowanceCommand>, ctx: CommandContext) =>
    allowances.handle(allowanceStreamId(orderId), (at) => ({ ...command, at }) as AllowanceCommand, ctx);

  /** Waits (bounded) until the `refunds` projection shows what the command appended. */
  async function readYourWrites(result: RefundCommandResult): Promise<RefundCommandResult> {
    if (result.events.length === 0) return result;
    const position = Math.max(...result.events.map((e) => e.position));
    const reached = await waitUntil(
      () => readModels.checkpoint(refundsProjection.name),
      (cp) => cp >= position,
      waitOptions,
    );
    if (reached < position) log('the refunds read model did not catch up in time', { streamId: result.streamId, position, reached });
    return result;
  }

  const command = async (refundId: string, input: WithoutTime<RefundCommand>, ctx: CommandContext) =>
    readYourWrites(await runRefund(refundId, input, ctx));

  /** The order as the order topic described it; waits (bounded) while it is unknown, or unpaid for a money request. */
  async function orderFacts(orderId: string, needsPayment: boolean): Promise<OrderFactsDoc> {
    const doc = await waitUntil(
      () => readModels.get<OrderFactsDoc>(REFUND_ORDER_FACTS, orderId),
      (d) => d !== undefined && (!needsPayment || d.paidAmount > 0),
      waitOptions,
    );
    if (!doc) throw new DomainError('not_found', 'not_found', `order ${orderId} does not exist`, { id: orderId });
    return doc;
  }

  async function requestRefund(input: RequestRefundInput, ctx: CommandContext): Promise<RefundCommandResult> {
    // A replayed Idempotency-Key answers from the log before anything is reserved again.
    if (ctx.commandKey && (await eventStore.findCommandKey(ctx.commandKey.key))) {
      return refunds.handle(refundStreamId(refundIdForKey(ctx.commandKey.key)), () => ({}) as RefundCommand, ctx);
    }
    const now = clock.now();
    const at = now.toISOString();
    const refundId = ctx.commandKey ? refundIdForKey(ctx.commandKey.key) : makeRefundId(now);
    const facts = await orderFacts(input.orderId, isMoneyType(input.type));
    const order = orderFactsOf(facts);
    const { state: allowance } = await allowances.load(allowanceStreamId(input.orderId));
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
    // Every rule is checked before anything is written: a refused request reserves nothing.
    decider.decide(request(refundable), null);
    if (!isMoneyType(input.type)) return readYourWrites(await refunds.handle(refundStreamId(refundId), request(refundable), ctx));

    // The reservation is its own write: the client's Idempotency-Key and If-Match belong to the request's stream.
    const { commandKey: _requestKey, expectedRevision: _seen, ...reservationCtx } = ctx;
    const payment = {
      shopId: order.shopId,
      paidAmount: order.paidAmount,
      currency: order.currency,
      sourceEventId: facts.paymentEventId ?? order.orderId,
    };
    const reserve = { type: 'ReserveRefund', orderId: input.orderId, refundId, amount: input.amount, payment } as const;
    const reservation = await runAllowance(input.orderId, reserve, reservationCtx);
    const reserved = reservation.events.find((e) => e.type === 'RefundAllowanceReserved');
    const refundableBefore = reserved ? (reserved.data as { refundableBefore: number }).refundableBefore : refundable;
    try {
      return readYourWrites(await refunds.handle(refundStreamId(refundId), request(refundableBefore), ctx));
    } catch (error) {
      if (error instanceof DomainError) {
        const release = { type: 'ReleaseReservation', orderId: input.orderId, refundId, reason: 'request_not_recorded' } as const;
        await runAllowance(input.orderId, release, reservationCtx);
      }
      throw error;
    }
  }

  /** A return address for approvals nobody typed: the shop's last one, else the fallback. */
  async function returnAddressOfShop(shopId: string): Promise<ReturnAddress> {
    const onFile = await readModels.get<ShopReturnAddressDoc>(SHOP_RETURN_ADDRESSES, shopId);
    return onFile?.returnAddress ?? options.fallbackReturnAddress ?? PLATFORM_RETURNS_DESK;
  }

  async function shipReissue(refundId: string, input: { carrier: string; trackingNo: string }, ctx: CommandContext) {
    const { state } = await refunds.load(refundStreamId(refundId));
    const refund = requireRefund(state, refundId);
    if (refund.status !== 'waiting_reissue') {
      throw new DomainError('conflict', 'illegal_transition', `shipping a reissue is not allowed while the status is ${refund.status}`, {
        currentStatus: refund.status,
      });
    }
    const result = await deps.logistics.createReissueShipment({ orderId: refund.orderId, refundId, ...input }, ctx);
    return {
      refundId,
      orderId: refund.orderId,
      shipmentId: result.state.shipmentId,
      carrier: input.carrier,
      trackingNo: input.trackingNo,
      revision: result.revision,
      eventIds: result.eventIds,
    };
  }

  async function fireTimer(timer: Timer): Promise<void> {
    const ctx: CommandContext = {
      actor: { ...REFUND_SCHEDULER_ACTOR },
      correlationId: timer.scheduledBy.correlationId,
      causationId: timer.scheduledBy.eventId,
      commandKey: timerCommandKey(timer.timerId),
    };
    const fired = timer.command as { type: string; refundId?: string; orderId?: string };
    if (fired.type === 'ReleaseOrphanReservation' && fired.orderId && fired.refundId) {
      const { state } = await refunds.load(refundStreamId(fired.refundId));
      await runAllowance(
        fired.orderId,
        { type: 'ReleaseOrphanReservation', orderId: fired.orderId, refundId: fired.refundId, requestRecorded: state !== null },
        ctx,
      );
      return;
    }
    const type = fired.type as RefundTimerCommand['type'];
    if (!refundTimerCommandTypes.includes(type) || typeof fired.refundId !== 'string') {
      throw new Error(`timer ${timer.timerId} carries no refund timer command`);
    }
    const refundId = fired.refundId;
    const { state } = await refunds.load(refundStreamId(refundId));
    const facts: Record<string, unknown> = {};
    if (type === 'AutoApproveRefund' && state && needsReturn(state.type)) facts.returnAddress = await returnAddressOfShop(state.shopId);
    if (type === 'AutoConfirmReturn') facts.replacementOrderId = replacementOrderIdOf(refundId);
    await runRefund(refundId, { type, refundId, ...facts } as WithoutTime<RefundTimerCommand>, ctx);
  }

  const reactions = createRefundReactions({ platform, deps, runRefund, runAllowance, log });

  return {
    requestRefund,
    approveRefund: (refundId, input, ctx) => command(refundId, { type: 'ApproveRefund', refundId, approval: 'merchant', ...input }, ctx),
    approveByPlatformRuling: (refundId, input, ctx) =>
      command(refundId, { type: 'ApproveRefund', refundId, approval: 'platform_ruling', ...input }, ctx),
    rejectRefund: (refundId, input, ctx) =>
      command(refundId, { type: 'RejectRefund', refundId, reason: input.reason, evidence: input.evidence ?? [] }, ctx),
    shipReturn: (refundId, input, ctx) => command(refundId, { type: 'ShipReturn', refundId, ...input }, ctx),
    confirmReturnReceipt: (refundId, input, ctx) =>
      command(refundId, { type: 'ConfirmReturnReceipt', refundId, ...input, replacementOrderId: replacementOrderIdOf(refundId) }, ctx),
    cancelRefund: (refundId, input, ctx) => command(refundId, { type: 'CancelRefund', refundId, ...input }, ctx),
    escalateRefund: (refundId, input, ctx) =>
      command(
        refundId,
        {
          type: 'EscalateRefund',
          refundId,
          description: input.description,
          evidence: input.evidence ?? [],
          disputeId: disputeIdOf(refundId),
        },
        ctx,
      ),
    shipReissue,
    getRefund: (refundId) => readModels.get<RefundDocument>(REFUNDS_COLLECTION, refundId),
    listRefundsByOrder: async (orderId, page = {}) => {
      const found = await readModels.find<RefundDocument>(REFUNDS_COLLECTION, {
        where: { orderId },
        limit: page.limit,
        cursor: page.cursor,
      });
      return { ...found, items: [...found.items].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id)) };
    },
    refundStream: (refundId): Promise<RecordedEvent[]> => eventStore.readStream(refundStreamId(refundId)),
    allowanceOf: async (orderId) => (await allowances.load(allowanceStreamId(orderId))).state,
    ...reactions,
    runtime: {
      name: REFUND_SERVICE,
      projections: [refundsProjection],
      busFedViews: [
        { name: REFUND_ORDER_FACTS, projection: REFUND_ORDER_FACTS, collections: [REFUND_ORDER_FACTS], group: REFUND_CONSUMER_GROUP },
      ],
      timerPolicies: [refundTimerPolicy, allowanceTimerPolicy],
      fireTimer,
    },
  };
}
