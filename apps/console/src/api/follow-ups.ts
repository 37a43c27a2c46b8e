import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { orderKey } from './orders';

export interface FollowUpRemedy {
  id: string;
  kind: string;
  amount?: number;
  currency: string;
  note: string;
  /** A granted partial refund becomes paid, or refused when the order can no longer refund that much. */
  status: 'awaiting_approval' | 'granted' | 'rejected' | 'refused' | 'paid';
  requiresSupervisorApproval: boolean;
  proposedBy: string;
  proposedAt: string;
  /** The refund that pays it (paid) or would have (refused). */
  refundId?: string;
  /** Refused: what the order could still refund, and why nothing was paid. */
  refundable?: number;
  explanation?: string;
}

/** A bad-review follow-up (GET /review-follow-ups/{id}). */
export interface FollowUp {
  id: string;
  reviewId: string;
  orderId: string;
  shopId: string;
  status: 'open' | 'contacted' | 'closed';
  deadlines: { firstContactBy: string; resolveBy: string };
  nextDeadlineAt: string | null;
  overdue: boolean;
  contactedAt?: string;
  slaBreaches: { metric: string; dueAt: string; ruleId: string }[];
  remedies: FollowUpRemedy[];
  outcome?: string;
  revision: number;
}

export const FOLLOW_UP_REMEDY_KINDS = ['goodwill_credit', 'resend', 'partial_refund', 'explanation'] as const;

/** The order's follow-ups (GET /review-follow-ups?orderId=); the roles that may not read follow-ups (buyer, finance) get none. */
export function useOrderFollowUps(orderId: string, enabled = true) {
  return useQuery({
    queryKey: [...orderKey(orderId), 'follow-ups'],
    queryFn: async ({ signal }) => (await api<{ items: FollowUp[] }>('/review-follow-ups', { query: { orderId }, signal })).items,
    enabled,
  });
}
