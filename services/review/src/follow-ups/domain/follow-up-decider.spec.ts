import { deciderSpec } from '@aftersales/kernel/testing';
import { followUpDecider } from './follow-up-decider';
import { followUpEvent } from './follow-up-events';
import { FollowUpRules } from './follow-up-rules';
import {
  closed,
  contacted,
  goodwillGranted,
  goodwillProposed,
  hoursAfterT0,
  keys,
  OPENED_EVENT_ID,
  opened,
  rulebook,
  rules,
  T0,
} from '../testing/follow-up-events';

const spec = deciderSpec(followUpDecider);
const open = (rating: 'positive' | 'neutral' | 'negative') => ({
  type: 'OpenFollowUp' as const,
  ...keys,
  buyerId: 'buyer-1',
  rating,
  basedOn: 'evt-review-posted',
  at: T0,
});
const check = (metric: 'first_contact' | 'resolution', hours: number) => ({ type: 'CheckFollowUpDeadline' as const, followUpId: keys.followUpId, metric, at: hoursAfterT0(hours) });
const propose = (kind: 'goodwill_credit' | 'partial_refund' | 'resend' | 'explanation', amount?: number, extra: { paidAmount?: number } = {}) => ({
  type: 'ProposeFollowUpRemedy' as const,
  followUpId: keys.followUpId,
  kind,
  amount,
  note: 'A credit for the trouble',
  proposedBy: 'cs-1',
  basedOn: [OPENED_EVENT_ID],
  at: hoursAfterT0(3),
  ...extra,
});
const breach = (metric: 'first_contact' | 'resolution', hours: number) =>
  followUpEvent('ReviewFollowUpSlaBreached', {
    ...keys,
    metric,
    dueAt: hoursAfterT0(metric === 'first_contact' ? rules.firstContactHours : rules.resolveHours),
    breachedAt: hoursAfterT0(hours),
    ruleId: metric === 'first_contact' ? rules.ruleIds.firstContact : rules.ruleIds.resolution,
    rulebookVersion: rulebook.version,
  });

describe('bad-review follow-up: opening and deadlines', () => {
  it('a negative review opens a follow-up with deadlines from the rulebook, naming the rules, the version and the review event', () => {
    spec.given([]).when(open('negative')).then([opened()]);
  });

  it('a neutral review opens one too; a positive review opens none', () => {
    spec.given([]).when(open('neutral')).then([opened({ rating: 'neutral' })]);
    spec.given([]).when(open('positive')).thenNothing();
  });

  it('opening it again (a redelivery, the review published again) changes nothing', () => {
    spec.given([opened()]).when(open('negative')).thenNothing();
  });

  it('24 h without contact is a first-contact breach, recorded once', () => {
    const { state } = spec.given([opened()]).when(check('first_contact', 24)).then([breach('first_contact', 24)]);
    expect(state?.breaches).toEqual(['first_contact']);
    spec.given([opened(), breach('first_contact', 24)]).when(check('first_contact', 25)).thenNothing();
  });

  it('a timer that fires early, or after the buyer was contacted, breaches nothing', () => {
    spec.given([opened()]).when(check('first_contact', 23)).thenNothing();
    spec.given([opened(), contacted()]).when(check('first_contact', 24)).thenNothing();
  });

  it('the resolution deadline runs until the follow-up closes, contact or not', () => {
    spec.given([opened(), contacted()]).when(check('resolution', 72)).then([breach('resolution', 72)]);
    spec.given([opened(), contacted(), closed('explained')]).when(check('resolution', 72)).thenNothing();
  });
});

describe('bad-review follow-up: contact and closure', () => {
  const contact = (hours: number) => ({ type: 'ContactBuyer' as const, followUpId: keys.followUpId, agentId: 'cs-1', channel: 'phone' as const, note: 'Called the buyer', at: hoursAfterT0(hours) });

  it('the first contact says whether it came by the deadline', () => {
    spec.given([opened()]).when(contact(2)).then([contacted()]);
    const late = spec.given([opened()]).when(contact(30)).decided();
    expect(late.events[0].data).toMatchObject({ withinDeadline: false, contactedAt: hoursAfterT0(30) });
  });

  it('a second first contact is refused', () => {
    spec.given([opened(), contacted()]).when(contact(5)).thenRefuses(FollowUpRules.alreadyContacted);
  });

  it('a follow-up that does not exist is not found', () => {
    expect(spec.given([]).when(contact(1)).thenRefuses('not_found').kind).toBe('not_found');
  });

  it('the shop closes it with an outcome; nothing more happens on a closed follow-up', () => {
    spec
      .given([opened(), contacted()])
      .when({ type: 'CloseFollowUp', followUpId: keys.followUpId, outcome: 'explained', closedBy: 'cs-1', at: hoursAfterT0(10) })
      .then([closed('explained')]);
    spec
      .given([opened(), closed('unresolved')])
      .when({ type: 'CloseFollowUp', followUpId: keys.followUpId, outcome: 'explained', closedBy: 'cs-1', at: hoursAfterT0(11) })
      .thenRefuses(FollowUpRules.closed);
    spec.given([opened(), closed('unresolved')]).when(contact(12)).thenRefuses(FollowUpRules.closed);
  });

  it("the buyer's upward revision closes it as revised by itself, naming the revision; a closed one stays closed", () => {
    const revision = { type: 'CloseFollowUpOnRevision' as const, followUpId: keys.followUpId, basedOn: 'evt-revised', at: hoursAfterT0(10) };
    spec.given([opened(), contacted()]).when(revision).then([closed('revised')]);
    spec.given([opened(), closed('explained')]).when(revision).thenNothing();
    spec.given([]).when(revision).thenNothing();
  });
});

describe('bad-review follow-up: remedies', () => {
  it('a goodwill credit up to the threshold is granted at once', () => {
    spec.given([opened(), contacted()]).when(propose('goodwill_credit', 1000)).then([goodwillProposed(1000), goodwillGranted(1000)]);
  });

  it('the same goodwill credit posted again changes nothing: the money is given once per follow-up', () => {
    spec.given([opened(), goodwillProposed(1000), goodwillGranted(1000)]).when(propose('goodwill_credit', 1000)).thenNothing();
    spec.given([opened(), goodwillProposed(1000), goodwillGranted(1000)]).when(propose('goodwill_credit', 2000)).thenRefuses(FollowUpRules.remedyAlreadyGranted);
  });

  it("a goodwill credit above the threshold waits for a supervisor's approval, which grants it", () => {
    const above = rules.goodwillApprovalAboveMinor + 100;
    const { state } = spec.given([opened()]).when(propose('goodwill_credit', above)).then([goodwillProposed(above)]);
    expect(state?.remedies[0].status).toBe('awaiting_approval');
    const approve = { type: 'ApproveFollowUpRemedy' as const, followUpId: keys.followUpId, remedyId: 'rem-1', approverId: 'sup-1', basedOn: ['e1', 'e2'], at: hoursAfterT0(4) };
    spec
      .given([opened(), goodwillProposed(above)])
      .when(approve)
      .then([
        followUpEvent('ReviewFollowUpRemedyApproved', { ...keys, remedyId: 'rem-1', approverId: 'sup-1', approvedAt: hoursAfterT0(4) }),
        goodwillGranted(above, 'rem-1', hoursAfterT0(4), 'sup-1', ['e1', 'e2']),
      ]);
    spec.given([opened(), goodwillProposed(1000), goodwillGranted(1000)]).when({ ...approve }).thenRefuses(FollowUpRules.remedyNotAwaitingApproval);
  });

  it('a rejected goodwill credit is not given; another may be offered', () => {
    const above = rules.goodwillApprovalAboveMinor + 100;
    const rejected = spec
      .given([opened(), goodwillProposed(above)])
      .when({ type: 'RejectFollowUpRemedy', followUpId: keys.followUpId, remedyId: 'rem-1', approverId: 'sup-1', reason: 'Too much', at: hoursAfterT0(4) })
      .decided();
    expect(rejected.events.map((e) => e.type)).toEqual(['ReviewFollowUpRemedyRejected']);
    const again = spec.given([opened(), goodwillProposed(above), ...rejected.events]).when(propose('goodwill_credit', 1000)).decided();
    expect(again.events.map((e) => e.type)).toEqual(['ReviewFollowUpRemedyProposed', 'ReviewFollowUpRemedyGranted']);
    expect(again.events[0].data).toMatchObject({ remedyId: 'rem-2' });
  });

  it('a partial refund is at most what the buyer paid', () => {
    spec.given([opened()]).when(propose('partial_refund', 5001, { paidAmount: 5000 })).thenRefuses(FollowUpRules.amountAbovePaid);
    const granted = spec.given([opened()]).when(propose('partial_refund', 5000, { paidAmount: 5000 })).decided();
    expect(granted.events[1]).toMatchObject({ type: 'ReviewFollowUpRemedyGranted', data: { kind: 'partial_refund', amount: 5000 } });
  });

  it('a goodwill credit is at most the rulebook goodwill bound', () => {
    spec.given([opened()]).when(propose('goodwill_credit', rulebook.compensation.goodwill.maxMinor + 1)).thenRefuses(rulebook.compensation.goodwill.ruleId);
  });

  it('money remedies name an amount, the others none; resends and explanations may repeat', () => {
    expect(spec.given([opened()]).when(propose('goodwill_credit')).thenRefuses().kind).toBe('invalid');
    expect(spec.given([opened()]).when(propose('resend', 100)).thenRefuses().kind).toBe('invalid');
    const first = spec.given([opened()]).when(propose('resend')).decided();
    const second = spec.given([opened(), ...first.events]).when(propose('resend')).decided();
    expect(second.events.map((e) => e.type)).toEqual(['ReviewFollowUpRemedyProposed', 'ReviewFollowUpRemedyGranted']);
  });

  it('no remedy on a closed follow-up', () => {
    spec.given([opened(), closed('explained')]).when(propose('goodwill_credit', 1000)).thenRefuses(FollowUpRules.closed);
  });
});
