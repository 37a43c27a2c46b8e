import type { ResourceOwner, Ownership } from './access-table';
import type { Identity } from './identity';

/** Whether the caller holds `ownership` on a resource of `owner`. */
export function holds(identity: Identity, ownership: Ownership, owner: ResourceOwner): boolean {
  switch (ownership) {
    case 'any':
      return true;
    case 'own':
      return owner.buyerId !== undefined && owner.buyerId === identity.id;
    case 'shop':
      return owner.shopId !== undefined && identity.shopIds.includes(owner.shopId);
  }
}

/**
 * Whether the caller may know the resource exists at all: a buyer their own, shop staff their shops', platform,
 * finance and integrators every shop's (integrators read order events). What a caller may not see is answered as an
 * unknown id (404), so its existence does not leak; what it sees but may not do is a 403.
 */
export function sees(identity: Identity, owner: ResourceOwner): boolean {
  switch (identity.role) {
    case 'buyer':
      return holds(identity, 'own', owner);
    case 'agent':
    case 'supervisor':
      return holds(identity, 'shop', owner);
    case 'admin':
      return false;
    default:
      return true;
  }
}
