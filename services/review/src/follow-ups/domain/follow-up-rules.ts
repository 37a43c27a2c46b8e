import type { Rulebook } from '@aftersales/contracts';

/** The follow-up numbers of a rulebook (section `reviewFollowUp`, since 2026-12-v5). */
export interface FollowUpRulebookSection {
  firstContactHours: number;
  resolveHours: number;
  goodwillApprovalAboveMinor: number;
  ruleIds: { firstContact: string; resolution: string; goodwillApproval: string };
}

/** Rule ids of the follow-up's own deadlines and threshold, where a rulebook does not name them. */
export const FOLLOW_UP_RULE_IDS = {
  firstContact: 'review.follow_up.first_contact',
  resolution: 'review.follow_up.resolution',
  goodwillApproval: 'review.follow_up.goodwill_approval',
} as const;

type SectionAsWritten = Partial<Omit<FollowUpRulebookSection, 'ruleIds'>> & { ruleIds?: Partial<FollowUpRulebookSection['ruleIds']> };

/**
 * The follow-up numbers of a rulebook. A rulebook without the section (before 2026-12-v5) reads the same numbers from
 * its dispute section (first response, resolution, remedy approval), which set the follow-up's deadlines until v5.
 */
export function followUpRulesOf(rulebook: Rulebook): FollowUpRulebookSection {
  const written = (rulebook as Rulebook & { reviewFollowUp?: SectionAsWritten }).reviewFollowUp ?? {};
  const dispute = rulebook.dispute;
  return {
    firstContactHours: written.firstContactHours ?? dispute?.firstResponse.withinHours ?? 24,
    resolveHours: written.resolveHours ?? dispute?.resolution.withinHours ?? 72,
    goodwillApprovalAboveMinor:
      written.goodwillApprovalAboveMinor ?? dispute?.remedyApproval.supervisorApprovalAboveMinor ?? rulebook.compensation.supervisorApprovalAboveMinor,
    ruleIds: { ...FOLLOW_UP_RULE_IDS, ...written.ruleIds },
  };
}

/** Rule ids of refusals (problem+json `rule`). */
export const FollowUpRules = {
  notNegative: 'review_follow_up.positive_review',
  closed: 'review_follow_up.closed',
  alreadyContacted: 'review_follow_up.already_contacted',
  amountRequired: 'review_follow_up.remedy_amount_required',
  amountNotAllowed: 'review_follow_up.remedy_amount_not_allowed',
  amountAbovePaid: 'review_follow_up.remedy_above_paid',
  remedyAlreadyGranted: 'review_follow_up.money_remedy_already_given',
  remedyPending: 'review_follow_up.remedy_pending',
  remedyNotAwaitingApproval: 'review_follow_up.remedy_not_awaiting_approval',
} as const;
