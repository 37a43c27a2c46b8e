import type { EventEnvelope, PayoutSucceeded, RefundEventData } from '@aftersales/contracts';
import { consumerCommandKey, DomainError, type CommandContext, type CommandResult, type Platform } from '@aftersales/kernel';
import type { AllowanceCommand, AllowanceState, RefundCommand, RefundState } from '../domain';
import { isOrderFactEvent, nextOrderFacts, REFUND_ORDER_FACTS, type OrderFactsDoc } from '../projections/order-facts.projection';
import { REFUND_ACTOR, REFUND_CONSUMER_GROUP } from './refund-actors';
import type { RefundReactionOutcome, RefundsDependencies } from './refunds.types';

type WithoutTime<C> = C extends unknown ? Omit<C, 'at'> : never;

export interface ReactionParts {
  platform: Platform;
  deps: RefundsDependencies;
  runRefund(refundId: string, command: WithoutTime<RefundCommand>, ctx: CommandContext): Promise<CommandResult<RefundState>>;
  runAllowance(orderId: string, command: WithoutTime<AllowanceCommand>, ctx: CommandContext): Promise<CommandResult<AllowanceState>>;
  log(message: string, details?: Record<string, unknown>): void;
}

/**
 * The refund service's bus consumers (group `refund`). Each effect is one command under the key
 * `consumer:refund:<eventId>[:<effect>]`, so a redelivered event appends nothing. A refusal (DomainError) is final
 * and logged; anything else throws, and the bus delivers the event again. What refund events mean for other services
 * is theirs to do from the refund topic: the order service places an exchange's replacement order and closes an order
 * refunded in full, logistics creates the return shipment the buyer handed over.
 */
export function createRefundReactions(parts: ReactionParts) {
  const { platform, deps, log } = parts;
  const { readModels } = platform;

  const contextOf = (event: EventEnvelope, effect?: string): CommandContext => ({
    actor: { ...REFUND_ACTOR },
    correlationId: event.correlationId,
    causationId: event.eventId,
    ...(event.trace ? { trace: event.trace } : {}),
    commandKey: consumerCommandKey(REFUND_CONSUMER_GROUP, event.eventId, effect),
  });

  /** Runs the effects in order; a refusal ends the reaction (it would be refused again on redelivery). */
  async function effects(event: EventEnvelope, steps: { name: string; run: () => Promise<unknown> }[]): Promise<RefundReactionOutcome> {
    const done: string[] = [];
    for (const step of steps) {
      try {
        await step.run();
        done.push(step.name);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        log(`${step.name} after ${event.type} ${event.eventId} refused: ${error.message}`, { code: error.code });
        return { outcome: 'refused', code: error.code, message: error.message };
      }
    }
    return { outcome: 'applied', effects: done };
  }

  async function onOrderEvent(event: EventEnvelope): Promise<RefundReactionOutcome> {
    if (!isOrderFactEvent(event.type)) return { outcome: 'ignored' };
    if (await readModels.wasProcessed(REFUND_ORDER_FACTS, event.eventId)) return { outcome: 'duplicate' };
    // The facts and the processed id commit atomically: a redelivered event is recognised and changes nothing.
    const orderId = (event.data as { orderId: string }).orderId;
    const next = nextOrderFacts(await readModels.get<OrderFactsDoc>(REFUND_ORDER_FACTS, orderId), event);
    await readModels.commit({
      projection: REFUND_ORDER_FACTS,
      checkpoint: Math.max(await readModels.checkpoint(REFUND_ORDER_FACTS), event.position),
      puts: next ? [{ collection: REFUND_ORDER_FACTS, doc: next }] : [],
      deletes: [],
      processedEventIds: [event.eventId],
    });
    return { outcome: 'applied', effects: next ? ['order facts'] : [] };
  }

  async function onLogisticsEvent(event: EventEnvelope): Promise<RefundReactionOutcome> {
    const data = event.data as { refundId?: string; shipmentId: string; dispatchedAt?: string };
    if (event.type !== 'ShipmentDispatched' || data.refundId === undefined) return { outcome: 'ignored' };
    const refundId = data.refundId;
    return effects(event, [
      {
        name: 'record the reissue dispatched',
        run: () =>
          parts.runRefund(
            refundId,
            { type: 'RecordReissueDispatched', refundId, shipmentId: data.shipmentId, dispatchedAt: data.dispatchedAt as string },
            contextOf(event),
          ),
      },
    ]);
  }

  async function onRefundEvent(event: EventEnvelope): Promise<RefundReactionOutcome> {
    switch (event.type) {
      case 'RefundPaymentAuthorized': {
        const d = event.data as RefundEventData<'RefundPaymentAuthorized'>;
        return effects(event, [
          {
            name: 'request the refund payout',
            run: () =>
              deps.payouts.request(
                {
                  payoutId: d.payoutId,
                  kind: 'refund',
                  orderId: d.orderId,
                  shopId: d.shopId,
                  buyerId: d.buyerId,
                  amount: d.amount,
                  currency: d.currency,
                  refundId: d.refundId,
                  causedBy: [event.eventId],
                },
                contextOf(event, 'payout'),
              ),
          },
        ]);
      }
      case 'PayoutSucceeded':
        return onPayoutSucceeded(event);
      case 'RefundCancelled':
      case 'RefundClosed': {
        const d = event.data as { refundId: string; orderId: string; reason?: string };
        if (event.type === 'RefundClosed' && d.reason === 'refunded') return { outcome: 'ignored' };
        const reason = event.type === 'RefundCancelled' ? 'request_cancelled' : 'request_closed';
        return effects(event, [
          {
            name: 'release the reservation',
            run: () =>
              parts.runAllowance(
                d.orderId,
                { type: 'ReleaseReservation', orderId: d.orderId, refundId: d.refundId, reason, sourceEventId: event.eventId },
                contextOf(event, 'allowance'),
              ),
          },
        ]);
      }
      default:
        return { outcome: 'ignored' };
    }
  }

  /** The money moved: the allowance turns the reservation into a refund, then the refund records RefundPaid. */
  async function onPayoutSucceeded(event: EventEnvelope): Promise<RefundReactionOutcome> {
    const paid = event.data as PayoutSucceeded;
    if (paid.kind !== 'refund' || paid.refundId === undefined) return { outcome: 'ignored' };
    const refundId = paid.refundId;
    let totalRefundedOnOrder = paid.amount;
    return effects(event, [
      {
        name: 'settle the allowance',
        run: async () => {
          const settled = await parts.runAllowance(
            paid.orderId,
            {
              type: 'SettleRefund',
              orderId: paid.orderId,
              refundId,
              amount: paid.amount,
              payoutId: paid.payoutId,
              sourceEventId: event.eventId,
            },
            contextOf(event, 'allowance'),
          );
          totalRefundedOnOrder = settled.state?.refundedTotal ?? paid.amount;
        },
      },
      {
        name: 'record the refund paid',
        run: () =>
          parts.runRefund(
            refundId,
            { type: 'RecordRefundPaid', refundId, payoutId: paid.payoutId, amount: paid.amount, paidAt: paid.paidAt, totalRefundedOnOrder },
            contextOf(event, 'refund'),
          ),
      },
    ]);
  }

  return { onOrderEvent, onLogisticsEvent, onRefundEvent };
}
