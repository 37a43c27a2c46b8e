import type { Rulebook } from '@aftersales/contracts';

export type DisputeRulebookSection = NonNullable<Rulebook['dispute']>;

/** The dispute numbers of a rulebook; a rulebook older than 2026-12-v4 has none, and a case cannot be decided on it. */
export function disputeRulesOf(rulebook: Rulebook): DisputeRulebookSection {
  if (!rulebook.dispute) throw new Error(`rulebook ${rulebook.version} has no dispute section`);
  return rulebook.dispute;
}

/** Rule ids of refusals (problem+json `rule`), beside the rulebook's own rule ids. */
export const DisputeRules = {
  openCaseExists: 'dispute.open_case_exists',
  evidenceOverdue: 'dispute.evidence_overdue',
  evidenceAlreadySubmitted: 'dispute.evidence_already_submitted',
  evidenceWrongParty: 'dispute.evidence_wrong_party',
  appealWindowExpired: 'dispute.appeal_window_expired',
  appealAlreadyMade: 'dispute.appeal_already_made',
  appealByWinner: 'dispute.appeal_by_winning_party',
  remedyNeedsApproval: 'dispute.remedy_awaiting_approval',
  remedyAmountAbovePaid: 'dispute.remedy_above_paid',
  refundAboveClaim: 'dispute.ruling_refund_above_paid',
  caseEnded: 'dispute.case_ended',
  internalByBuyer: 'dispute.internal_message_by_buyer',
  awaitingReplyByShop: 'dispute.awaiting_reply_by_shop',
  remedyPending: 'dispute.remedy_pending',
  remedyByShop: 'dispute.remedy_by_shop',
} as const;
