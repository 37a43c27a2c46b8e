import type { ShopRestrictionKind } from '@aftersales/contracts';

export interface ActiveRestriction {
  kind: ShopRestrictionKind;
  from: string;
  until?: string;
  orderId: string;
}

/** A shop's points in one calendar year (stream `shop-penalty-<shopId>-<year>`). */
export interface ShopPenaltyState {
  shopId?: string;
  year?: number;
  totalPoints: number;
  /** Ids of the assessments made: one per order and violation type. */
  assessmentIds: string[];
  /** Restrictions in force. */
  active: ActiveRestriction[];
}

export const initialShopPenaltyState: ShopPenaltyState = { totalPoints: 0, assessmentIds: [], active: [] };
