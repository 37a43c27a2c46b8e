import type { Rulebook, ReviewFollowUpRulebook } from '@aftersales/contracts';

export type FollowUpRulebookSection = ReviewFollowUpRulebook;

/** The follow-up numbers of a rulebook (section `reviewFollowUp`, since 2026-12-v5); an older one cannot decide a follow-up. */
export function followUpRulesOf(rulebook: Rulebook): FollowUpRulebookSection {
  if (!rulebook.reviewFollowUp) throw new Error(`rulebook ${rulebook.version} has no reviewFollowUp section`);
  return rulebook.reviewFollowUp;
}

/** Rule ids of refusals (problem+json `rule`), beside the rulebook's own rule ids. */
export const FollowUpRules = {
  closed: 'review_follow_up.closed',
  alreadyContacted: 'review_follow_up.already_contacted',
  amountRequired: 'review_follow_up.remedy_amount_required',
  amountNotAllowed: 'review_follow_up.remedy_amount_not_allowed',
  remedyAlreadyGranted: 'review_follow_up.money_remedy_already_given',
  remedyPending: 'review_follow_up.remedy_pending',
  remedyNotAwaitingApproval: 'review_follow_up.remedy_not_awaiting_approval',
  remedyNotAwaitingPayment: 'review_follow_up.remedy_not_awaiting_payment',
} as const;
