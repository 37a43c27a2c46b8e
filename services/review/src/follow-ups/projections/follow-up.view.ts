import type { FollowUp } from '../domain';
import { followUpStatusOf, isOverdue, nextDeadlineOf, type FollowUpStatus } from './follow-up.document';

/** A follow-up as GET /review-follow-ups/{id} shows it (api.md). */
export interface FollowUpView {
  id: string;
  reviewId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  rating: string;
  status: FollowUpStatus;
  deadlines: { firstContactBy: string; resolveBy: string };
  nextDeadlineAt: string | null;
  overdue: boolean;
  contactedAt?: string;
  slaBreaches: { metric: string; dueAt: string; ruleId: string }[];
  remedies: {
    id: string;
    kind: string;
    amount?: number;
    currency: string;
    note: string;
    status: string;
    requiresSupervisorApproval: boolean;
    proposedBy: string;
    proposedAt: string;
    approverId?: string;
    /** The refund that pays it (paid) or would have (refused). */
    refundId?: string;
    /** Refused: what the order could still refund, and why nothing was paid. */
    refundable?: number;
    explanation?: string;
  }[];
  outcome?: string;
  closedAt?: string;
  openedAt: string;
  rulebookVersion: string;
  revision: number;
}

export function followUpView(f: FollowUp, revision: number): FollowUpView {
  return {
    id: f.id,
    reviewId: f.reviewId,
    orderId: f.orderId,
    shopId: f.shopId,
    buyerId: f.buyerId,
    rating: f.rating,
    status: followUpStatusOf(f),
    deadlines: { firstContactBy: f.deadlines.first_contact.dueAt, resolveBy: f.deadlines.resolution.dueAt },
    nextDeadlineAt: nextDeadlineOf(f) ?? null,
    overdue: isOverdue(f),
    ...(f.contactedAt ? { contactedAt: f.contactedAt } : {}),
    slaBreaches: f.breaches.map((metric) => ({ metric, dueAt: f.deadlines[metric].dueAt, ruleId: f.deadlines[metric].ruleId })),
    remedies: f.remedies.map(({ ruleId: _r, rulebookVersion: _v, ...remedy }) => remedy),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.closedAt ? { closedAt: f.closedAt } : {}),
    openedAt: f.openedAt,
    rulebookVersion: f.rulebookVersion,
    revision,
  };
}
