import type { CompensationDecided } from '@aftersales/contracts';

/**
 * awaiting_approval: above the rulebook threshold, a supervisor must decide; payout_pending: approved (or needing no
 * approval), the money is on its way; paid: CompensationPaidOut recorded; rejected: a supervisor refused it.
 */
export type CompensationStatus = 'none' | 'awaiting_approval' | 'payout_pending' | 'paid' | 'rejected';

export interface CompensationState {
  status: CompensationStatus;
  decision?: CompensationDecided;
  approval?: { approverId: string; note?: string; approvedAt: string };
  rejection?: { approverId: string; reason: string; rejectedAt: string };
  payout?: { payoutId: string; paidAt: string };
}

export const initialCompensationState: CompensationState = { status: 'none' };
