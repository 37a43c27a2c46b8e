import { currentRulebook, type ReviewFollowUpOpened } from '@aftersales/contracts';
import { addHours } from '@aftersales/kernel';
import { followUpEvent, followUpRulesOf, type ReviewFollowUpEvent } from '../domain';

/** Stored follow-up events for decider tests: one negative review's follow-up opened at T0. */
export const T0 = '2026-11-19T20:00:00.000Z';
export const hoursAfterT0 = (hours: number) => addHours(T0, hours);
export const rulebook = currentRulebook();
export const rules = followUpRulesOf(rulebook);

export const keys = { followUpId: 'rfu_1', reviewId: 'rev_1', orderId: 'ord-1', shopId: 'shop-88' };
export const OPENED_EVENT_ID = 'evt-opened';

export const opened = (patch: Partial<ReviewFollowUpOpened> = {}): ReviewFollowUpEvent =>
  followUpEvent('ReviewFollowUpOpened', {
    ...keys,
    buyerId: 'buyer-1',
    rating: 'negative',
    deadlines: { firstContactBy: hoursAfterT0(rules.firstContactHours), resolveBy: hoursAfterT0(rules.resolveHours) },
    ruleIds: { firstContact: rules.ruleIds.firstContact, resolution: rules.ruleIds.resolution },
    rulebookVersion: rulebook.version,
    basedOn: ['evt-review-posted'],
    openedAt: T0,
    ...patch,
  });

export const contacted = (at = hoursAfterT0(2)): ReviewFollowUpEvent =>
  followUpEvent('ReviewFollowUpBuyerContacted', {
    ...keys,
    agentId: 'cs-1',
    channel: 'phone',
    note: 'Called the buyer',
    firstContactBy: hoursAfterT0(rules.firstContactHours),
    withinDeadline: true,
    contactedAt: at,
  });

export const goodwillProposed = (amount: number, remedyId = 'rem-1', at = hoursAfterT0(3)): ReviewFollowUpEvent =>
  followUpEvent('ReviewFollowUpRemedyProposed', {
    ...keys,
    remedyId,
    kind: 'goodwill_credit',
    amount,
    currency: 'CNY',
    note: 'A credit for the trouble',
    requiresSupervisorApproval: amount > rules.goodwillApprovalAboveMinor,
    approvalThreshold: rules.goodwillApprovalAboveMinor,
    ruleId: rules.ruleIds.goodwillApproval,
    rulebookVersion: rulebook.version,
    proposedBy: 'cs-1',
    proposedAt: at,
  });

export const goodwillGranted = (amount: number, remedyId = 'rem-1', at = hoursAfterT0(3), approverId?: string, basedOn = [OPENED_EVENT_ID]): ReviewFollowUpEvent =>
  followUpEvent('ReviewFollowUpRemedyGranted', {
    ...keys,
    buyerId: 'buyer-1',
    remedyId,
    kind: 'goodwill_credit',
    amount,
    currency: 'CNY',
    approverId,
    ruleId: rules.ruleIds.goodwillApproval,
    rulebookVersion: rulebook.version,
    basedOn,
    grantedAt: at,
  });

export const closed = (outcome: 'explained' | 'unresolved' | 'appealed' | 'revised', at = hoursAfterT0(10)): ReviewFollowUpEvent =>
  followUpEvent('ReviewFollowUpClosed', {
    ...keys,
    outcome,
    closedBy: outcome === 'revised' ? 'system' : 'cs-1',
    withinDeadline: true,
    basedOn: outcome === 'revised' ? ['evt-revised'] : [],
    closedAt: at,
  });
