/**
 * The public API's answers the case file shows (api.md; the OpenAPI document has every field). Only the fields the
 * page reads are named here; money is always an integer in minor units (fen), times ISO 8601 UTC.
 */
export interface Order {
  id: string;
  status: string;
  closeReason?: string;
  buyerId: string;
  shopId: string;
  currency: string;
  items: { sku: string; title: string; quantity: number; unitPrice: number; category?: string }[];
  itemsTotal: number;
  shippingFee: number;
  total: number;
  paidAmount: number;
  paymentMethod: string;
  notes: { text: string; flag?: string; actorId: string; at: string }[];
  notesCount: number;
  deadlines: { payBy?: string; shipBy?: string; autoConfirmAt?: string };
  placedAt: string;
  revision: number;
}

export interface TimelineEntry {
  position: number;
  eventId: string;
  type: string;
  service: string;
  streamId: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  correlationId: string;
  causationId: string | null;
  rule?: { id: string; version?: string };
  basedOn?: string[];
}

export interface TimelinePage {
  orderId: string;
  revision: number;
  entries: TimelineEntry[];
  nextCursor?: string;
}

export interface Refund {
  id: string;
  orderId: string;
  shopId: string;
  type: string;
  reason: string;
  amount: number;
  currency: string;
  status: string;
  requestedAt: string;
  description?: string;
  deadlines: Record<string, string | undefined>;
  rejection?: { reason: string; rejectedAt: string };
  closeReason?: string;
  revision: number;
}

export interface DisputeRemedy {
  id: string;
  kind: string;
  amount?: number;
  description: string;
  requiresSupervisorApproval: boolean;
  status: 'awaiting_approval' | 'proposed' | 'rejected' | 'accepted' | 'declined';
}

export interface EvidenceRequest {
  id: string;
  party: 'buyer' | 'merchant';
  description: string;
  dueAt: string;
  submittedAt?: string;
  overdue: boolean;
}

export interface Dispute {
  id: string;
  orderId: string;
  shopId: string;
  category: string;
  origin: string;
  status: string;
  assigneeId?: string;
  refundId?: string;
  currency: string;
  paidAmount?: number;
  openedAt: string;
  deadlines: { firstResponseBy?: string; resolveBy?: string; pausedSince?: string; awaitingBuyerUntil?: string };
  nextDeadlineAt?: string;
  overdue: boolean;
  slaBreaches: { metric: string; requestId?: string; dueAt: string; at: string }[];
  evidenceRequests: EvidenceRequest[];
  remedies: DisputeRemedy[];
  ruling?: { id: string; outcome: string; refundAmount?: number; violation?: string; ruledAt: string; appealBy: string; onAppeal: boolean };
  appeal?: { party: string; appealedAt: string; rulingId: string };
  satisfaction?: number;
  revision: number;
}

export interface CompensationInput {
  name: string;
  value: number;
  unit: string;
  sourceEventId?: string;
}

export interface Compensation {
  id: string;
  orderId: string;
  shopId: string;
  kind: string;
  amount: number;
  currency: string;
  status: 'awaiting_approval' | 'payout_pending' | 'paid' | 'rejected';
  rule: { id: string; version: string };
  basedOn: string[];
  explanation: string;
  inputs: CompensationInput[];
  requiresSupervisorApproval: boolean;
  decidedAt: string;
  revision: number;
}

export interface Review {
  id: string;
  orderId: string;
  shopId: string;
  rating: 'positive' | 'neutral' | 'negative';
  score: number;
  text: string;
  status: 'published' | 'held' | 'rejected' | 'hidden';
  counted: boolean;
  postedAt: string;
  moderation?: { hold?: { ruleId?: string; [field: string]: unknown }; decision?: string; reason?: string; moderatorId?: string; moderatedAt?: string };
  revision: number;
}

export interface FollowUpRemedy {
  id: string;
  kind: string;
  amount?: number;
  currency: string;
  note: string;
  status: 'awaiting_approval' | 'granted' | 'rejected';
  requiresSupervisorApproval: boolean;
  proposedBy: string;
  proposedAt: string;
}

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

/** Everything the case file shows about one order. */
export interface CaseFile {
  order: Order;
  timeline: TimelineEntry[];
  refunds: Refund[];
  disputes: Dispute[];
  compensations: Compensation[];
  review?: Review;
  followUps: FollowUp[];
}
