import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, react } from '@aftersales/kernel';
import { orderEffectOfRefundEvent } from '../policies';
import { closeRefundedOrder } from './closing.commands';
import type { OrderDeps } from './orders.types';
import { placeReplacementOrder } from './placement.commands';
import { applied, CONSUMER_GROUP, type ReactionOutcome } from './reaction-outcome';

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
  return react(event, deps.log, async () =>
    applied(
      effect.type === 'PlaceReplacementOrder'
        ? await placeReplacementOrder(deps, effect.input, ctx)
        : await closeRefundedOrder(deps, effect.orderId, effect.input, ctx),
    ),
  );
}
