import type { EventEnvelope } from '@aftersales/contracts';
import { isShopRestrictionEvent, nextShopClosures, ORDER_SHOP_CLOSURES, type ShopClosuresDoc } from '../projections';
import type { OrderDeps } from './orders.types';
import type { ReactionOutcome } from './reaction-outcome';

/**
 * Dispute topic, group `order`: the shop restrictions of penalty points keep `order_shop_closures` (placement
 * refuses a closed shop's new orders). The document and the processed event id commit together: a redelivery is
 * recognised and changes nothing.
 */
export async function onShopRestrictionEvent({ platform }: Pick<OrderDeps, 'platform'>, event: EventEnvelope): Promise<ReactionOutcome> {
  const { readModels } = platform;
  if (!isShopRestrictionEvent(event.type)) return { outcome: 'ignored' };
  if (await readModels.wasProcessed(ORDER_SHOP_CLOSURES, event.eventId)) return { outcome: 'ignored' };
  const shopId = (event.data as { shopId: string }).shopId;
  const next = nextShopClosures(await readModels.get<ShopClosuresDoc>(ORDER_SHOP_CLOSURES, shopId), event);
  await readModels.commit({
    projection: ORDER_SHOP_CLOSURES,
    checkpoint: Math.max(await readModels.checkpoint(ORDER_SHOP_CLOSURES), event.position),
    puts: next ? [{ collection: ORDER_SHOP_CLOSURES, doc: next }] : [],
    deletes: [],
    processedEventIds: [event.eventId],
  });
  return { outcome: 'applied', eventIds: [], replayed: false };
}
