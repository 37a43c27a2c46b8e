import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { orderKey } from './orders';

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

/** A case as GET /disputes/{id} shows it (api.md "Disputes and complaints"). */
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

export const REMEDY_KINDS = ['refund', 'partial_refund', 'return', 'exchange', 'repair', 'reissue', 'compensation', 'goodwill_credit'] as const;
export const EVIDENCE_KINDS = ['photo', 'video', 'chat_log', 'tracking', 'invoice', 'document', 'other'] as const;
export const RULING_OUTCOMES = ['buyer_wins', 'merchant_wins', 'partial'] as const;
export const VIOLATION_TYPES = ['late_shipment', 'not_as_described', 'counterfeit', 'breach_of_promise', 'invoice_refusal', 'fake_shipment', 'other'] as const;

export function useOrderDisputes(orderId: string) {
  return useQuery({
    queryKey: [...orderKey(orderId), 'disputes'],
    queryFn: async ({ signal }) => (await api<{ items: Dispute[] }>(`/orders/${encodeURIComponent(orderId)}/disputes`, { signal })).items,
  });
}

/** A message posted on a case (its DisputeMessagePosted event): to the parties, or internal to staff and the platform. */
export interface DisputeMessage {
  messageId: string;
  authorId: string;
  authorParty: 'buyer' | 'merchant' | 'platform';
  visibility: 'parties' | 'internal';
  /** Absent when the text cannot be read (sealed by an erasure). */
  text?: string;
  awaitingReply: boolean;
  postedAt: string;
}

/** The messages of a case's event stream (GET /disputes/{id}/events), oldest first. */
export function messagesOf(events: readonly { type: string; data: Record<string, unknown> }[]): DisputeMessage[] {
  return events
    .filter((event) => event.type === 'DisputeMessagePosted')
    .map(({ data }) => ({ ...(data as unknown as DisputeMessage), text: typeof data.text === 'string' ? data.text : undefined }));
}

export function useDisputeMessages(orderId: string, disputeId: string) {
  return useQuery({
    queryKey: [...orderKey(orderId), 'disputes', disputeId, 'messages'],
    queryFn: async ({ signal }) =>
      messagesOf((await api<{ events: { type: string; data: Record<string, unknown> }[] }>(`/disputes/${encodeURIComponent(disputeId)}/events`, { signal })).events),
  });
}
