import type { FollowUpClosingOutcome, FollowUpMetric, FollowUpRemedyKind, ReviewRating } from '@aftersales/contracts';

export type FollowUpRemedyStatus = 'awaiting_approval' | 'granted' | 'rejected' | 'refused' | 'paid';

export interface FollowUpRemedy {
  id: string;
  kind: FollowUpRemedyKind;
  amount?: number;
  currency: string;
  note: string;
  status: FollowUpRemedyStatus;
  requiresSupervisorApproval: boolean;
  ruleId: string;
  rulebookVersion: string;
  proposedBy: string;
  proposedAt: string;
  approverId?: string;
  /** The refund that pays it (paid) or would have (refused). */
  refundId?: string;
  /** Refused: what the order could still refund, and why nothing was paid. */
  refundable?: number;
  explanation?: string;
}

export interface FollowUpDeadline {
  dueAt: string;
  ruleId: string;
}

export interface FollowUp {
  id: string;
  reviewId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  rating: ReviewRating;
  status: 'open' | 'closed';
  deadlines: Record<FollowUpMetric, FollowUpDeadline>;
  rulebookVersion: string;
  openedAt: string;
  contactedAt?: string;
  breaches: FollowUpMetric[];
  remedies: FollowUpRemedy[];
  outcome?: FollowUpClosingOutcome;
  closedAt?: string;
}

export type FollowUpState = FollowUp | null;
export const initialFollowUpState: FollowUpState = null;
