import { forbidden } from './access.guard';
import type { Identity } from './identity';

/**
 * What a list shows the caller, whatever its query asks: a buyer only their own (`buyerId` forced to theirs), shop
 * staff only their shops (a `shopId` outside them is a 403 naming `rule`; without one, their shops), everyone else
 * (platform, finance, integrators) every shop, as asked.
 */
export interface ListScope {
  buyerId?: string;
  /** The shops the list is limited to; undefined: every shop. */
  shopIds?: readonly string[];
}

export function listScope(identity: Identity, query: { buyerId?: string; shopId?: string }, rule: string): ListScope {
  if (identity.role === 'buyer') return { buyerId: identity.id, ...(query.shopId ? { shopIds: [query.shopId] } : {}) };
  if (identity.role === 'agent' || identity.role === 'supervisor') {
    if (query.shopId !== undefined && !identity.shopIds.includes(query.shopId)) {
      throw forbidden(rule, `${rule}: shop ${query.shopId} is not one of the caller's shops`);
    }
    return { ...(query.buyerId ? { buyerId: query.buyerId } : {}), shopIds: query.shopId ? [query.shopId] : identity.shopIds };
  }
  return { ...(query.buyerId ? { buyerId: query.buyerId } : {}), ...(query.shopId ? { shopIds: [query.shopId] } : {}) };
}

/** Whether an item of a list is in the caller's scope (for lists whose store filters only part of it). */
export const inScope = (scope: ListScope, item: { buyerId?: string; shopId?: string }): boolean =>
  (scope.buyerId === undefined || item.buyerId === scope.buyerId) && (scope.shopIds === undefined || (item.shopId !== undefined && scope.shopIds.includes(item.shopId)));
