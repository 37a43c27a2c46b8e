import { validateEventData } from '../catalogue';
import { PROTECTED_FIELDS } from '../protected-fields';
import { currentRulebook } from '../rulebook';
import {
  DisputeFollowedUpEvent,
  DisputeFollowedUpEventV1,
  DisputeMessagePostedEvent,
  DisputeOpenedEvent,
  DisputeRuledEvent,
  PenaltyPointsAssessedEvent,
  ShopPenaltyThresholdReachedEvent,
  disputeCaseEventDefinitions,
  disputeEvents,
} from './events';

const SEALED = { enc: 'v1', keyId: 'key-buyer-2048', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' };
const typesAt = (version: number) => disputeEvents.filter((d) => d.version === version).map((d) => d.type);

describe('dispute event contracts', () => {
  it('cover intake, deadlines, messages, remedies, arbitration, appeal, follow-up and penalty points', () => {
    expect(disputeEvents.map((d) => d.type)).toEqual(
      expect.arrayContaining([
        'DisputeOpened',
        'DisputeAssigned',
        'DisputeMessagePosted',
        'DisputeStatusChanged',
        'DisputeEscalated',
        'DisputeDeadlineSet',
        'DisputeDeadlineCleared',
        'DisputeSlaBreached',
        'DisputeEvidenceRequested',
        'DisputeEvidenceSubmitted',
        'DisputeEvidenceOverdue',
        'DisputeRemedyProposed',
        'DisputeRemedyApproved',
        'DisputeRemedyRejected',
        'DisputeRemedyAccepted',
        'DisputeRemedyDeclined',
        'DisputeRuled',
        'DisputeAppealed',
        'DisputeResolved',
        'DisputeFollowedUp',
        'DisputeClosed',
        'PenaltyPointsAssessed',
        'ShopPenaltyThresholdReached',
      ]),
    );
    expect(disputeEvents.every((d) => d.service === 'dispute')).toBe(true);
  });

  it('the published v1 case events stay registered next to their v2 for readers', () => {
    const superseded = ['DisputeOpened', 'DisputeClosed', 'DisputeEvidenceRequested', 'DisputeRemedyProposed', 'DisputeResolved', 'DisputeFollowedUp'];
    expect(typesAt(1)).toEqual(expect.arrayContaining(superseded));
    expect(typesAt(2)).toEqual(expect.arrayContaining(superseded));
  });

  it("the case events carrying text typed on the case are written in their sealable version, the earlier one still read", () => {
    const written = new Map(disputeCaseEventDefinitions.map((d) => [d.type, d.version]));
    expect(Object.fromEntries(Object.keys(PROTECTED_FIELDS).filter((type) => written.has(type)).map((type) => [type, written.get(type)]))).toEqual({
      DisputeOpened: 3,
      DisputeMessagePosted: 2,
      DisputeEscalated: 2,
      DisputeAppealed: 2,
      DisputeRemedyDeclined: 2,
      DisputeEvidenceSubmitted: 3,
    });
    expect(validateEventData('DisputeMessagePosted', 1, DisputeMessagePostedEvent.example)).toEqual([]);
    expect(validateEventData('DisputeMessagePosted', 2, { ...DisputeMessagePostedEvent.example, text: SEALED })).toEqual([]);
    expect(validateEventData('DisputeMessagePosted', 1, { ...DisputeMessagePostedEvent.example, text: SEALED })).not.toEqual([]);
  });

  it('every case event written today carries the case, its order and its shop', () => {
    const missing = disputeCaseEventDefinitions.filter((d) => !['disputeId', 'orderId', 'shopId'].every((key) => (d.schema.required ?? []).includes(key)));
    expect(missing.map((d) => `${d.type} v${d.version}`)).toEqual([]);
  });

  it('a case opens in open or in arbitration, nothing else', () => {
    const opened = (status: string) => validateEventData('DisputeOpened', 2, { ...DisputeOpenedEvent.example, status });
    expect(opened('open')).toEqual([]);
    expect(opened('arbitration')).toEqual([]);
    expect(opened('ruled').map((e) => e.path)).toEqual(['/status']);
  });

  it('a ruling names its outcome from the closed list', () => {
    const ruled = (outcome: string) => validateEventData('DisputeRuled', 1, { ...DisputeRuledEvent.example, outcome });
    expect(ruled('partial')).toEqual([]);
    expect(ruled('buyer_favoured').map((e) => e.path)).toEqual(['/outcome']);
  });

  it('satisfaction is a score from 1 to 5, and required from v2 on', () => {
    const followUp = (satisfaction: number) =>
      validateEventData('DisputeFollowedUp', 2, { ...DisputeFollowedUpEvent.example, satisfaction });
    expect(followUp(1)).toEqual([]);
    expect(followUp(5)).toEqual([]);
    expect(followUp(0).map((e) => e.path)).toEqual(['/satisfaction']);
    expect(followUp(6).map((e) => e.path)).toEqual(['/satisfaction']);
    const withoutSatisfaction: Record<string, unknown> = { ...DisputeFollowedUpEvent.example };
    delete withoutSatisfaction.satisfaction;
    expect(validateEventData('DisputeFollowedUp', 2, withoutSatisfaction)).not.toEqual([]);
    expect(validateEventData('DisputeFollowedUp', 1, DisputeFollowedUpEventV1.example)).toEqual([]);
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
