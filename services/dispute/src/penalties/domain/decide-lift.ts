import type { LiftRestriction } from './shop-penalty-commands';
import { shopPenaltyEvent, type ShopPenaltyEvent } from './shop-penalty-events';
import type { ShopPenaltyState } from './shop-penalty-state';

/** Ends a restriction still in force; one already lifted (a timer fired again) changes nothing. */
export function decideLift(command: LiftRestriction, state: ShopPenaltyState): ShopPenaltyEvent[] {
  const restriction = state.active.find((r) => r.kind === command.kind && r.from === command.restrictionFrom);
  if (!restriction || state.shopId === undefined || state.year === undefined) return [];
  return [
    shopPenaltyEvent('ShopRestrictionLifted', {
      shopId: state.shopId,
      year: state.year,
      orderId: restriction.orderId,
      kind: restriction.kind,
      restrictionFrom: restriction.from,
      liftedAt: command.at,
      reason: command.reason,
    }),
  ];
}
