import { validateEventData } from '../catalogue';
import { currentRulebook } from '../rulebook';
import { DisputeFollowedUpEvent, PenaltyPointsAssessedEvent, ShopPenaltyThresholdReachedEvent, disputeEvents } from './events';

describe('dispute event contracts', () => {
  it('cover intake to follow-up, arbitration and penalty points', () => {
    expect(disputeEvents.map((d) => d.type)).toEqual(
      expect.arrayContaining([
        'DisputeOpened',
        'DisputeInvestigationNoted',
        'DisputeClassified',
        'DisputeEvidenceRequested',
        'DisputeEvidenceSubmitted',
        'DisputeEvidenceOverdue',
        'DisputeEscalatedToSupervisor',
        'PlatformArbitrationRequested',
        'PlatformArbitrationDecided',
        'DisputeRemedyProposed',
        'DisputeRemedyApproved',
        'DisputeResolved',
        'DisputeFollowedUp',
        'DisputeClosed',
        'PenaltyPointsAssessed',
        'ShopPenaltyThresholdReached',
      ]),
    );
    expect(disputeEvents.every((d) => d.service === 'dispute')).toBe(true);
  });

  it('satisfaction is a score from 1 to 5', () => {
    const followUp = (satisfaction: number) =>
      validateEventData('DisputeFollowedUp', 1, { ...DisputeFollowedUpEvent.example, satisfaction });
    expect(followUp(1)).toEqual([]);
    expect(followUp(5)).toEqual([]);
    expect(followUp(0).map((e) => e.path)).toEqual(['/satisfaction']);
    expect(followUp(6).map((e) => e.path)).toEqual(['/satisfaction']);
  });

  it('an assessment gives at least one point for a known violation type', () => {
    const assess = (patch: Record<string, unknown>) =>
      validateEventData('PenaltyPointsAssessed', 1, { ...PenaltyPointsAssessedEvent.example, ...patch });
    expect(assess({ points: 0 }).map((e) => e.path)).toEqual(['/points']);
    expect(assess({ violationType: 'rudeness' }).map((e) => e.path)).toEqual(['/violationType']);
  });

  it("the threshold example uses the current rulebook's first threshold", () => {
    const reached = ShopPenaltyThresholdReachedEvent.example;
    expect(reached.threshold).toBe(currentRulebook().penalty.hiddenAtPoints);
    expect(reached.rulebookVersion).toBe(currentRulebook().version);
    expect(reached.totalPoints).toBeGreaterThanOrEqual(reached.threshold);
  });
});
