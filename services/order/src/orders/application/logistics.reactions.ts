import type { EventEnvelope } from '@aftersales/contracts';
import { contextFromEvent, react } from '@aftersales/kernel';
import { orderCommandForLogisticsEvent } from '../policies';
import { runOrderCommand } from './order-handler';
import type { OrderDeps } from './orders.types';
import { applied, CONSUMER_GROUP, type ReactionOutcome } from './reaction-outcome';

/**
 * Group `order` on the logistics topic: an outbound milestone moves the order (shipped, delivered, returned), in the
 * name of whoever the logistics event names. Idempotent on the event id; a refusal is logged and reported.
 */
export async function onLogisticsEvent(
  { handler, log }: Pick<OrderDeps, 'handler' | 'log'>,
  event: EventEnvelope,
): Promise<ReactionOutcome> {
  const command = orderCommandForLogisticsEvent(event);
  if (!command) return { outcome: 'ignored' };
  const { type, orderId, ...input } = command;
  const ctx = contextFromEvent(event, { group: CONSUMER_GROUP, actor: event.actor });
  return react(event, log, async () => applied(await runOrderCommand(handler, type, orderId, input, ctx)));
}
