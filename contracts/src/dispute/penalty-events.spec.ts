import { validateEventData } from '../catalogue';
import { currentRulebook } from '../rulebook';
import { PenaltyPointsAssessedV2Event, ShopRestrictedEvent, ShopRestrictionLiftedEvent } from './penalty-events';

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
