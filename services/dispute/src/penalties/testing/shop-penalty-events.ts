import type { ShopPenaltyEvent, ShopPenaltyEventData } from '../domain';

export const SHOP = 'shop-1';
export const YEAR = 2026;
export const RULEBOOK = '2026-12-v5';

/** A stored assessment of `points` on top of `previousPoints` (defaults: 3 points of not as described, from 0). */
export const assessed = (overrides: Partial<ShopPenaltyEventData<'PenaltyPointsAssessed'>> = {}): ShopPenaltyEvent => {
  const orderId = overrides.orderId ?? 'ord-1';
  const violation = overrides.violation ?? 'not_as_described';
  const previousPoints = overrides.previousPoints ?? 0;
  const points = overrides.points ?? 3;
  return {
    type: 'PenaltyPointsAssessed',
    data: {
      assessmentId: `pts_${orderId}_${violation}`,
      shopId: SHOP,
      year: YEAR,
      orderId,
      violation,
      previousPoints,
      points,
      totalPoints: previousPoints + points,
      ruleId: 'penalty.points',
      rulebookVersion: RULEBOOK,
      basedOn: [`evt-${orderId}`],
      assessedAt: '2026-11-10T08:00:00.000Z',
      ...overrides,
    },
  };
};

export const restricted = (overrides: Partial<ShopPenaltyEventData<'ShopRestricted'>> = {}): ShopPenaltyEvent => ({
  type: 'ShopRestricted',
  data: {
    shopId: SHOP,
    year: YEAR,
    orderId: 'ord-4',
    kind: 'hidden',
    from: '2026-11-10T08:00:00.000Z',
    until: '2026-11-17T08:00:00.000Z',
    atPoints: 12,
    totalPoints: 12,
    thresholdRuleId: 'penalty.threshold_12',
    rulebookVersion: RULEBOOK,
    assessmentId: 'pts_ord-4_not_as_described',
    basedOn: ['evt-ord-4'],
    ...overrides,
  },
});

/** `count` assessments of 3 points each (not as described) on orders ord-1…ord-<count>. */
export const threePointAssessments = (count: number): ShopPenaltyEvent[] =>
  Array.from({ length: count }, (_, i) => assessed({ orderId: `ord-${i + 1}`, previousPoints: 3 * i }));
