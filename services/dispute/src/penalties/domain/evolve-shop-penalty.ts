import { withoutUndefined } from '@aftersales/kernel';
import type { ShopPenaltyEvent } from './shop-penalty-events';
import type { ShopPenaltyState } from './shop-penalty-state';

export function evolveShopPenalty(state: ShopPenaltyState, event: ShopPenaltyEvent): ShopPenaltyState {
  switch (event.type) {
    case 'PenaltyPointsAssessed': {
      const d = event.data;
      const record = withoutUndefined({
        assessmentId: d.assessmentId,
        orderId: d.orderId,
        violation: d.violation,
        points: d.points,
        disputeId: d.disputeId,
        rulingId: d.rulingId,
        rulebookVersion: d.rulebookVersion,
        basedOn: d.basedOn,
        revoked: false,
      });
      return {
        ...state,
        shopId: d.shopId,
        year: d.year,
        totalPoints: d.totalPoints,
        assessmentIds: [...state.assessmentIds, d.assessmentId],
        assessments: [...state.assessments, record],
      };
    }
    case 'PenaltyPointsRevoked': {
      const { assessmentId, totalPoints } = event.data;
      return { ...state, totalPoints, assessments: state.assessments.map((a) => (a.assessmentId === assessmentId ? { ...a, revoked: true } : a)) };
    }
    case 'ShopRestricted': {
      const { kind, from, until, orderId, atPoints } = event.data;
      return { ...state, active: [...state.active, { kind, from, orderId, atPoints, ...(until ? { until } : {}) }] };
    }
    case 'ShopRestrictionLifted': {
      const { kind, restrictionFrom } = event.data;
      return { ...state, active: state.active.filter((r) => !(r.kind === kind && r.from === restrictionFrom)) };
    }
    default:
      return state;
  }
}
