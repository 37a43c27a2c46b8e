import type { EventEnvelope, ShopRestricted, ShopRestrictionLifted } from '@aftersales/contracts';

/**
 * `order_shop_closures`: the shops closed for their penalty points, kept by the order's consumer of the dispute topic
 * (group `order`) from ShopRestricted / ShopRestrictionLifted; placing an order reads it. Only closures matter here.
 */
export const ORDER_SHOP_CLOSURES = 'order_shop_closures';

export const SHOP_RESTRICTION_EVENT_TYPES: readonly string[] = ['ShopRestricted', 'ShopRestrictionLifted'];

export const isShopRestrictionEvent = (type: string): boolean => SHOP_RESTRICTION_EVENT_TYPES.includes(type);

export interface ShopClosuresDoc {
  id: string;
  /** `from` of each closure in force, oldest first. */
  closedSince: string[];
  [field: string]: unknown;
}

/** The next document for a restriction event, or undefined when it changes nothing (not a closure, or already applied). */
export function nextShopClosures(current: ShopClosuresDoc | undefined, event: EventEnvelope): ShopClosuresDoc | undefined {
  const data = event.data as ShopRestricted | ShopRestrictionLifted;
  if (!isShopRestrictionEvent(event.type) || data.kind !== 'closed') return undefined;
  const closedSince = current?.closedSince ?? [];
  if (event.type === 'ShopRestricted') {
    const { from } = data as ShopRestricted;
    return closedSince.includes(from) ? undefined : { id: data.shopId, closedSince: [...closedSince, from].sort() };
  }
  const { restrictionFrom } = data as ShopRestrictionLifted;
  return closedSince.includes(restrictionFrom) ? { id: data.shopId, closedSince: closedSince.filter((from) => from !== restrictionFrom) } : undefined;
}

/** Since when the shop is closed, if it is. */
export const closedSinceOf = (doc: ShopClosuresDoc | undefined): string | undefined => doc?.closedSince[0];
