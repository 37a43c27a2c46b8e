import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, react } from '@aftersales/kernel';
import { orderEffectOfDisputeEvent, orderEffectOfRefundEvent, type AutoConfirmHold } from '../policies';
import { closeRefundedOrder } from './closing.commands';
import type { OrderDeps } from './orders.types';
import { placeReplacementOrder } from './placement.commands';
import { applied, CONSUMER_GROUP, type ReactionOutcome } from './reaction-outcome';
import { runOrderCommand } from './order-handler';

/** The refund service decided the replacement and the refunded closure: the order's events name it as their actor. */
export const REFUND_SERVICE_ACTOR = { id: 'refund', role: 'system' } as const;

/**
 * Group `order` on the refund topic: an exchange's replacement order is placed, an order refunded in full is closed.
 * Idempotent on the event id; a refusal is logged and reported.
 */
export async function onRefundEvent(deps: Pick<OrderDeps, 'handler' | 'log'>, event: EventEnvelope): Promise<ReactionOutcome> {
  const effect = orderEffectOfRefundEvent(event);
  if (!effect) return { outcome: 'ignored' };
  const ctx = contextFromEvent(event, { group: CONSUMER_GROUP, actor: REFUND_SERVICE_ACTOR });
  return react(event, deps.log, async () => {
    switch (effect.type) {
      case 'PlaceReplacementOrder':
        return applied(await placeReplacementOrder(deps, effect.input, ctx));
      case 'CloseRefundedOrder':
        return applied(await closeRefundedOrder(deps, effect.orderId, effect.input, ctx));
      default:
        return applied(await holdAutoConfirm(deps, effect, ctx));
    }
  });
}

/** The dispute service: its cases name it as the actor of the pause and resume they cause. */
export const DISPUTE_SERVICE_ACTOR = { id: 'dispute', role: 'system' } as const;

/** Group `order` on the dispute topic: an open case holds the auto-confirm clock, like an open refund. */
export async function onDisputeEvent(deps: Pick<OrderDeps, 'handler' | 'log'>, event: EventEnvelope): Promise<ReactionOutcome> {
  const effect = orderEffectOfDisputeEvent(event);
  if (!effect) return { outcome: 'ignored' };
  const ctx = contextFromEvent(event, { group: CONSUMER_GROUP, actor: DISPUTE_SERVICE_ACTOR });
  return react(event, deps.log, async () => applied(await holdAutoConfirm(deps, effect, ctx)));
}

const holdAutoConfirm = (deps: Pick<OrderDeps, 'handler'>, effect: AutoConfirmHold, ctx: Parameters<typeof runOrderCommand>[4]) =>
  runOrderCommand(deps.handler, effect.type, effect.orderId, effect.input, ctx);
