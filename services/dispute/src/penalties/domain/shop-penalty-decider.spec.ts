import { currentRulebook, rulebookVersion } from '@aftersales/contracts';
import { deciderSpec } from '@aftersales/kernel/testing';
import { assessed, restricted, SHOP, threePointAssessments, YEAR } from '../testing/shop-penalty-events';
import type { AssessViolation, LiftRestriction } from './shop-penalty-commands';
import { makeShopPenaltyDecider } from './shop-penalty-decider';
import { PENALTY_RULES } from './shop-penalty-rules';

const spec = deciderSpec(makeShopPenaltyDecider(currentRulebook()));
const at = '2026-11-20T10:00:00.000Z';

const assess = (overrides: Partial<AssessViolation> = {}): AssessViolation => ({
  type: 'AssessViolation',
  shopId: SHOP,
  year: YEAR,
  orderId: 'ord-9',
  violation: 'not_as_described',
  disputeId: 'dsp_9',
  rulingId: 'rul_9',
  basedOn: ['evt-ruling-9'],
  at,
  ...overrides,
});

const lift = (overrides: Partial<LiftRestriction> = {}): LiftRestriction => ({
  type: 'LiftRestriction',
  shopId: SHOP,
  year: YEAR,
  kind: 'hidden',
  restrictionFrom: '2026-11-10T08:00:00.000Z',
  reason: 'expired',
  at: '2026-11-17T08:00:00.000Z',
  ...overrides,
});

describe('shop penalty points', () => {
  it('given no points this year, when a ruling establishes a violation, then its rulebook points are assessed with the arithmetic, rule, version and cause', () => {
    spec.given([]).when(assess()).then([
      {
        type: 'PenaltyPointsAssessed',
        data: {
          assessmentId: 'pts_ord-9_not_as_described',
          shopId: SHOP,
          year: YEAR,
          orderId: 'ord-9',
          disputeId: 'dsp_9',
          rulingId: 'rul_9',
          violation: 'not_as_described',
          previousPoints: 0,
          points: 3,
          totalPoints: 3,
          ruleId: 'penalty.points',
          rulebookVersion: '2026-12-v5',
          basedOn: ['evt-ruling-9'],
          assessedAt: at,
        },
      },
    ]);
  });

  it.each([
    ['invoice_refusal', 6],
    ['breach_of_promise', 3],
    ['fake_shipment', 12],
    ['late_shipment', 0],
    ['other', 0],
  ] as const)('given no points, when %s is assessed, then it costs %i points', (violation, points) => {
    const [event] = spec.given([]).when(assess({ violation })).decided().events;
    expect(event.data).toMatchObject({ violation, points, totalPoints: points });
  });

  it('given the violation of this order was assessed, when the same cause (or a ruling on appeal) comes again, then nothing more is assessed', () => {
    spec.given([assessed({ orderId: 'ord-9' })]).when(assess({ rulingId: 'rul_9_appeal' })).thenNothing();
  });

  it('given 9 points, when 3 more take the shop to 12, then it is hidden and warned for 7 days', () => {
    const { events } = spec.given(threePointAssessments(3)).when(assess()).decided();
    expect(events.map((e) => e.type)).toEqual(['PenaltyPointsAssessed', 'ShopRestricted', 'ShopRestricted']);
    expect(events[0].data).toMatchObject({ previousPoints: 9, points: 3, totalPoints: 12 });
    for (const [i, kind] of (['hidden', 'warned'] as const).entries()) {
      expect(events[i + 1].data).toEqual({
        shopId: SHOP,
        year: YEAR,
        orderId: 'ord-9',
        kind,
        from: at,
        until: '2026-11-27T10:00:00.000Z',
        atPoints: 12,
        totalPoints: 12,
        thresholdRuleId: 'penalty.threshold_12',
        rulebookVersion: '2026-12-v5',
        assessmentId: 'pts_ord-9_not_as_described',
        basedOn: ['evt-ruling-9'],
      });
    }
  });

  it('given 12 points already, when 3 more are assessed, then no threshold is reached again', () => {
    spec.given(threePointAssessments(4)).when(assess()).then([expect.objectContaining({ type: 'PenaltyPointsAssessed' })] as never);
  });

  it('given 20 points, when a fake shipment (12) takes the shop past 24, then the 24-point restrictions apply: hidden, warned and barred from listing for 12 days', () => {
    const { events } = spec.given([assessed({ points: 20, violation: 'other' })]).when(assess({ violation: 'fake_shipment' })).decided();
    expect(events.slice(1).map((e) => [(e.data as { kind: string }).kind, (e.data as { until?: string }).until, (e.data as { atPoints: number }).atPoints])).toEqual([
      ['hidden', '2026-12-02T10:00:00.000Z', 24],
      ['warned', '2026-12-02T10:00:00.000Z', 24],
      ['listing_barred', '2026-12-02T10:00:00.000Z', 24],
    ]);
  });

  it('given 45 points, when 3 more reach 48, then the shop is closed with no end but the reset', () => {
    const { events } = spec.given([assessed({ points: 45, violation: 'other' })]).when(assess()).decided();
    expect(events.slice(1).map((e) => e.data)).toEqual([expect.objectContaining({ kind: 'closed', atPoints: 48, thresholdRuleId: 'penalty.threshold_48' })]);
    expect(events[1].data).not.toHaveProperty('until');
  });

  it('given no points, when a counterfeit (48) is assessed, then the highest threshold crossed applies alone: closed', () => {
    const { events } = spec.given([]).when(assess({ violation: 'counterfeit' })).decided();
    expect(events.map((e) => [e.type, (e.data as { kind?: string }).kind])).toEqual([
      ['PenaltyPointsAssessed', undefined],
      ['ShopRestricted', 'closed'],
    ]);
  });

  it('given a stream of 2026, when a violation of 2027 is sent to it, then it is refused', () => {
    spec.given([assessed()]).when(assess({ year: 2027 })).thenRefuses(PENALTY_RULES.yearMismatch);
  });

  it('given a rulebook before points per violation, when a violation is assessed, then it is refused naming the rule', () => {
    deciderSpec(makeShopPenaltyDecider(rulebookVersion('2026-11-v1')!)).given([]).when(assess()).thenRefuses(PENALTY_RULES.noPointsTable);
  });

  it('given an assessment without the events it is based on, then it is refused', () => {
    spec.given([]).when(assess({ basedOn: [] })).thenRefuses('invalid_input');
  });

  it('given a shop hidden until the 17th, when its timer fires, then the restriction is lifted as expired; a second firing changes nothing', () => {
    const history = [...threePointAssessments(4), restricted()];
    const { state } = spec.given(history).when(lift()).then([
      {
        type: 'ShopRestrictionLifted',
        data: { shopId: SHOP, year: YEAR, orderId: 'ord-4', kind: 'hidden', restrictionFrom: '2026-11-10T08:00:00.000Z', liftedAt: '2026-11-17T08:00:00.000Z', reason: 'expired' },
      },
    ]);
    expect(state.active).toEqual([]);
    spec.given([...history, { type: 'ShopRestrictionLifted', data: { shopId: SHOP, year: YEAR, orderId: 'ord-4', kind: 'hidden', restrictionFrom: '2026-11-10T08:00:00.000Z', liftedAt: '2026-11-17T08:00:00.000Z', reason: 'expired' } }])
      .when(lift())
      .thenNothing();
  });

  it("given a closed shop, when the year's points reset, then the closure ends with reason points_reset", () => {
    const closure = restricted({ kind: 'closed', until: undefined, atPoints: 48, totalPoints: 48 });
    delete (closure.data as { until?: string }).until;
    spec
      .given([assessed({ points: 48, violation: 'counterfeit', orderId: 'ord-4' }), closure])
      .when(lift({ kind: 'closed', reason: 'points_reset', at: '2027-01-01T00:00:00.000Z' }))
      .then([
        {
          type: 'ShopRestrictionLifted',
          data: { shopId: SHOP, year: YEAR, orderId: 'ord-4', kind: 'closed', restrictionFrom: '2026-11-10T08:00:00.000Z', liftedAt: '2027-01-01T00:00:00.000Z', reason: 'points_reset' },
        },
      ]);
  });
});
