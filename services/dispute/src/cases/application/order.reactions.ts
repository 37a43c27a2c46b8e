import type { EventEnvelope } from '@aftersales/contracts';
import { DISPUTE_ORDER_FACTS, isDisputeOrderFactEvent, nextDisputeOrderFacts, type DisputeOrderFactsDoc } from '../projections';
import type { CaseDeps } from './cases.types';
import type { CaseReactionOutcome } from './reaction-outcome';

/** Order topic, group `dispute`: keeps the order facts a case opens on (buyer, shop, what was paid). */
export async function onOrderEvent(deps: Pick<CaseDeps, 'platform'>, event: EventEnvelope): Promise<CaseReactionOutcome> {
  const { readModels } = deps.platform;
  if (!isDisputeOrderFactEvent(event.type)) return { outcome: 'ignored' };
  if (await readModels.wasProcessed(DISPUTE_ORDER_FACTS, event.eventId)) return { outcome: 'duplicate' };
  const orderId = (event.data as { orderId: string }).orderId;
  const next = nextDisputeOrderFacts(await readModels.get<DisputeOrderFactsDoc>(DISPUTE_ORDER_FACTS, orderId), event);
  // The facts and the processed id commit together: a redelivered event is recognised and changes nothing.
  await readModels.commit({
    projection: DISPUTE_ORDER_FACTS,
    checkpoint: Math.max(await readModels.checkpoint(DISPUTE_ORDER_FACTS), event.position),
    puts: next ? [{ collection: DISPUTE_ORDER_FACTS, doc: next }] : [],
    deletes: [],
    processedEventIds: [event.eventId],
  });
  return { outcome: 'applied', eventIds: [] };
}
