import { currentRulebook } from '@aftersales/contracts';
import { deciderSpec } from '@aftersales/kernel/testing';
import { assessed, restricted, SHOP, threePointAssessments, YEAR } from '../testing/shop-penalty-events';
import type { RevokeAssessment } from './shop-penalty-commands';
import { makeShopPenaltyDecider } from './shop-penalty-decider';
import type { ShopPenaltyEvent } from './shop-penalty-events';
import { PENALTY_RULES } from './shop-penalty-rules';

const spec = deciderSpec(makeShopPenaltyDecider(currentRulebook()));
const at = '2026-11-21T09:00:00.000Z';

/** The case dsp_4 on ord-4 was ruled (rul_4) with not as described, 3 points, taking the shop from 9 to 12. */
const caseAssessment = assessed({ orderId: 'ord-4', disputeId: 'dsp_4', rulingId: 'rul_4', previousPoints: 9, basedOn: ['evt-ruling-4'] });
const hiddenAndWarned = [restricted(), restricted({ kind: 'warned' })];

const revoke = (overrides: Partial<RevokeAssessment> = {}): RevokeAssessment => ({
  type: 'RevokeAssessment',
  shopId: SHOP,
  year: YEAR,
  orderId: 'ord-4',
  disputeId: 'dsp_4',
  rulingId: 'rul_4_appeal',
  basedOn: ['evt-appeal-4'],
  at,
  ...overrides,
});

const revokedEvent: ShopPenaltyEvent = {
  type: 'PenaltyPointsRevoked',
  data: {
    assessmentId: 'pts_ord-4_not_as_described',
    shopId: SHOP,
    year: YEAR,
    orderId: 'ord-4',
    disputeId: 'dsp_4',
    rulingId: 'rul_4_appeal',
    violation: 'not_as_described',
    previousPoints: 12,
    points: 3,
    totalPoints: 9,
    ruleId: PENALTY_RULES.revokedOnAppeal,
    rulebookVersion: '2026-12-v5',
    basedOn: ['evt-appeal-4', 'evt-ruling-4'],
    revokedAt: at,
  },
};

describe('revoking penalty points when the ruling on appeal reverses the finding', () => {
  it('given a case assessed at 3 points, when the appeal finds no violation against the shop, then its points are revoked with the arithmetic, the appeal ruling and both causes', () => {
    const { state } = spec.given([...threePointAssessments(3), caseAssessment]).when(revoke()).then([revokedEvent]);
    expect(state.totalPoints).toBe(9);
    expect(state.assessments.find((a) => a.assessmentId === 'pts_ord-4_not_as_described')?.revoked).toBe(true);
  });

  it('given the shop hidden and warned at 12 because of the case, when its points are revoked to 9, then both restrictions are lifted as points_revoked', () => {
    const history = [...threePointAssessments(3), caseAssessment, ...hiddenAndWarned];
    const { events, state } = spec.given(history).when(revoke()).decided();
    expect(events).toEqual([
      revokedEvent,
      ...(['hidden', 'warned'] as const).map((kind) => ({
        type: 'ShopRestrictionLifted',
        data: {
          shopId: SHOP,
          year: YEAR,
          orderId: 'ord-4',
          kind,
          restrictionFrom: '2026-11-10T08:00:00.000Z',
          liftedAt: at,
          reason: 'points_revoked',
          revokedAssessmentId: 'pts_ord-4_not_as_described',
          atPoints: 12,
          totalPoints: 9,
        },
      })),
    ]);
    expect(state.active).toEqual([]);
  });

  it('given 15 points with the shop hidden at 12, when the case (3) is revoked and 12 are still reached, then the restrictions stay', () => {
    const history = [...threePointAssessments(4), restricted(), { ...caseAssessment, data: { ...caseAssessment.data, previousPoints: 12, totalPoints: 15 } }];
    const { events } = spec.given(history).when(revoke()).decided();
    expect(events.map((e) => e.type)).toEqual(['PenaltyPointsRevoked']);
    expect(events[0].data).toMatchObject({ previousPoints: 15, points: 3, totalPoints: 12 });
  });

  it('given the appeal finds the same violation against the shop, then nothing is revoked', () => {
    spec.given([caseAssessment]).when(revoke({ stillFound: 'not_as_described' })).thenNothing();
  });

  it('given the appeal finds another violation, then the first finding is revoked (the other is assessed by its own command)', () => {
    spec.given([caseAssessment]).when(revoke({ stillFound: 'invoice_refusal' })).then([expect.objectContaining({ type: 'PenaltyPointsRevoked' })] as never);
  });

  it('given the points were revoked already (a redelivered appeal ruling), then nothing more is revoked', () => {
    spec.given([caseAssessment, revokedEvent]).when(revoke()).thenNothing();
  });

  it('given no assessment of the case in this stream (the first ruling found nothing, or another year), then nothing is decided', () => {
    spec.given([assessed({ orderId: 'ord-7', disputeId: 'dsp_7' })]).when(revoke()).thenNothing();
    spec.given([]).when(revoke()).thenNothing();
  });

  it('given the appeal ruling assessed its own finding first, then that assessment is not revoked by it', () => {
    const ownFinding = assessed({ orderId: 'ord-4', disputeId: 'dsp_4', rulingId: 'rul_4_appeal', violation: 'invoice_refusal' });
    spec.given([ownFinding]).when(revoke()).thenNothing();
  });

  it('given a revocation without the event it is based on, or sent to the stream of another year, then it is refused', () => {
    spec.given([caseAssessment]).when(revoke({ basedOn: [] })).thenRefuses('invalid_input');
    spec.given([caseAssessment]).when(revoke({ year: 2027 })).thenRefuses(PENALTY_RULES.yearMismatch);
  });
});
