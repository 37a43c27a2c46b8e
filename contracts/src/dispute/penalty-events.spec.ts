import { validateEventData } from '../catalogue';
import { currentRulebook } from '../rulebook';
import { PenaltyPointsAssessedV2Event, PenaltyPointsRevokedEvent, ShopRestrictedEvent, ShopRestrictionLiftedEvent, ShopRestrictionLiftedV2Event } from './penalty-events';

describe('penalty point contracts (v2)', () => {
  const assessed = (patch: Record<string, unknown>) => validateEventData('PenaltyPointsAssessed', 2, { ...PenaltyPointsAssessedV2Event.example, ...patch });

  it('an assessment records the arithmetic, the rule and its version, and the events it was based on', () => {
    const { previousPoints, points, totalPoints, rulebookVersion } = PenaltyPointsAssessedV2Event.example;
    expect(previousPoints + points).toBe(totalPoints);
    expect(rulebookVersion).toBe(currentRulebook().version);
    expect(assessed({})).toEqual([]);
    expect(assessed({ basedOn: [] }).map((e) => e.path)).toEqual(['/basedOn']);
  });

  it('a violation compensated instead (late shipment) is assessed at 0 points', () => {
    expect(assessed({ violation: 'late_shipment', points: 0, previousPoints: 0, totalPoints: 0 })).toEqual([]);
    expect(assessed({ points: -1 }).map((e) => e.path)).toEqual(['/points']);
  });

  it('a closure has no end; a temporary restriction names it; a lift says why', () => {
    const closed: Record<string, unknown> = { ...ShopRestrictedEvent.example, kind: 'closed', atPoints: 48, totalPoints: 48 };
    delete closed.until;
    expect(validateEventData('ShopRestricted', 1, closed)).toEqual([]);
    expect(validateEventData('ShopRestricted', 1, { ...ShopRestrictedEvent.example, kind: 'banned' }).map((e) => e.path)).toEqual(['/kind']);
    expect(validateEventData('ShopRestrictionLifted', 1, { ...ShopRestrictionLiftedEvent.example, reason: 'points_reset' })).toEqual([]);
    expect(validateEventData('ShopRestrictionLifted', 1, { ...ShopRestrictionLiftedEvent.example, reason: 'forgiven' }).map((e) => e.path)).toEqual(['/reason']);
  });
});

describe('penalty revocation contracts', () => {
  it('a revocation records the arithmetic previous - points = total, the appeal ruling and the events it was based on', () => {
    const { previousPoints, points, totalPoints } = PenaltyPointsRevokedEvent.example;
    expect(previousPoints - points).toBe(totalPoints);
    expect(validateEventData('PenaltyPointsRevoked', 1, PenaltyPointsRevokedEvent.example)).toEqual([]);
    expect(validateEventData('PenaltyPointsRevoked', 1, { ...PenaltyPointsRevokedEvent.example, basedOn: [] }).map((e) => e.path)).toEqual(['/basedOn']);
  });

  it('a lift (v2) may say the points were revoked below its threshold; v1 lifts stay valid', () => {
    expect(validateEventData('ShopRestrictionLifted', 2, ShopRestrictionLiftedV2Event.example)).toEqual([]);
    expect(validateEventData('ShopRestrictionLifted', 2, ShopRestrictionLiftedEvent.example)).toEqual([]);
    expect(validateEventData('ShopRestrictionLifted', 1, ShopRestrictionLiftedV2Event.example)).not.toEqual([]);
  });
});
