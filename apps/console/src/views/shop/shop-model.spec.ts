import { followUpBars, percent, pointsOverTime, ratingBars, type PenaltyPoints, type ShopRating } from './shop-model';

const rating: ShopRating = {
  shopId: 'shop-1',
  positive: 8,
  neutral: 1,
  negative: 3,
  score: 5,
  positiveRate: 0.6667,
  followUps: { opened: 4, contactedInTime: 3, revisedUpward: 1, revisionRate: 0.25, medianMinutesToContact: 42 },
};

const violation = (id: string, points: number, at: string) => ({ id, type: 'late_shipment', points, at, orderId: 'ord-1', basedOn: [], rule: { id: 'penalty.late_shipment', version: 'v5' } });

describe('shop view model', () => {
  it('given a rating, then bars per rating and per follow-up figure', () => {
    expect(ratingBars(rating)).toEqual([
      { key: 'positive', count: 8 },
      { key: 'neutral', count: 1 },
      { key: 'negative', count: 3 },
    ]);
    expect(followUpBars(rating)).toEqual([
      { key: 'opened', count: 4 },
      { key: 'contactedInTime', count: 3 },
      { key: 'revisedUpward', count: 1 },
    ]);
  });

  it('given rates, then percentages in the viewer’s language, a dash for none', () => {
    expect(percent(0.6667, 'en-US')).toBe('66.7%');
    expect(percent(null, 'zh-CN')).toBe('—');
  });

  it('given violations out of order, then the points add up in time order', () => {
    const points: PenaltyPoints = { shopId: 'shop-1', year: 2026, points: 9, restrictions: [], violations: [violation('v2', 6, '2026-11-05T00:00:00.000Z'), violation('v1', 3, '2026-11-02T00:00:00.000Z')] };

    expect(pointsOverTime(points).map((step) => [step.at.slice(0, 10), step.points])).toEqual([
      ['2026-11-02', 3],
      ['2026-11-05', 9],
    ]);
  });

  it('given a violation revoked on appeal, then the line steps down by its points when it was revoked', () => {
    const revoked = { ...violation('v1', 6, '2026-11-02T00:00:00.000Z'), revoked: { at: '2026-11-09T00:00:00.000Z', rulingId: 'rul_2', basedOn: ['evt-9'] } };
    const points: PenaltyPoints = { shopId: 'shop-1', year: 2026, points: 3, restrictions: [], violations: [revoked, violation('v2', 3, '2026-11-05T00:00:00.000Z')] };

    expect(pointsOverTime(points).map((step) => [step.at.slice(0, 10), step.points])).toEqual([
      ['2026-11-02', 6],
      ['2026-11-05', 9],
      ['2026-11-09', 3],
    ]);
  });
});
