import type { EventEnvelope } from '@aftersales/contracts';
import { isOrderFactEvent, nextOrderFacts, REFUND_ORDER_FACTS, type OrderFactsDoc } from '../projections/order-facts.projection';
import type { RefundHandlers } from './refund-handlers';
import type { RefundReactionOutcome } from './refunds.types';

/** Order topic, group `refund`: keeps the order facts refund decisions read (paid amount, lines, delivery). */
export async function onOrderEvent(h: RefundHandlers, event: EventEnvelope): Promise<RefundReactionOutcome> {
  const { readModels } = h.platform;
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
