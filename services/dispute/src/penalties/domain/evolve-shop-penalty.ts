import type { ShopPenaltyEvent } from './shop-penalty-events';
import type { ShopPenaltyState } from './shop-penalty-state';

export function evolveShopPenalty(state: ShopPenaltyState, event: ShopPenaltyEvent): ShopPenaltyState {
  switch (event.type) {
    case 'PenaltyPointsAssessed': {
      const d = event.data;
      return { ...state, shopId: d.shopId, year: d.year, totalPoints: d.totalPoints, assessmentIds: [...state.assessmentIds, d.assessmentId] };
    }
    case 'ShopRestricted': {
      const { kind, from, until, orderId } = event.data;
      return { ...state, active: [...state.active, { kind, from, orderId, ...(until ? { until } : {}) }] };
    }
    case 'ShopRestrictionLifted': {
      const { kind, restrictionFrom } = event.data;
      return { ...state, active: state.active.filter((r) => !(r.kind === kind && r.from === restrictionFrom)) };
    }
    default:
      return state;
  }
}
