import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewView } from '../views/platform/platform-model';
import { api } from './client';
import { refreshAfterCommand } from './refresh';

/** The platform's queues: held texts to moderate, cases in arbitration, shops' appeals against reviews. */

const POLL_MS = 10_000;

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface CaseView {
  id: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  category: string;
  origin?: string;
  status: string;
  deadlines?: { firstResponseBy?: string; resolveBy?: string };
  evidenceRequests?: { id: string; party: string; dueAt: string; submittedAt?: string; overdue: boolean }[];
  ruling?: unknown;
  appeal?: { party?: string; appealedAt?: string };
}

export const useModerationQueue = () =>
  useQuery({ queryKey: ['reviews', 'moderation'], queryFn: () => api<Page<ReviewView>>('/reviews', { query: { moderation: 'pending', limit: 100 } }), refetchInterval: POLL_MS });

export const useReviewAppeals = () =>
  useQuery({ queryKey: ['reviews', 'appeals'], queryFn: () => api<Page<ReviewView>>('/reviews', { query: { appeal: 'pending', limit: 100 } }), refetchInterval: POLL_MS });

export const useArbitrationQueue = () =>
  useQuery({ queryKey: ['disputes', 'arbitration'], queryFn: () => api<Page<CaseView>>('/disputes', { query: { status: 'arbitration', limit: 100 } }), refetchInterval: POLL_MS });

export function useModerateReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, decision, reason, content, idempotencyKey }: { reviewId: string; decision: 'publish' | 'reject'; reason: string; content?: string; idempotencyKey: string }) =>
      api<ReviewView>(`/reviews/${encodeURIComponent(reviewId)}/moderation`, { body: { decision, reason, ...(content ? { content } : {}) }, idempotencyKey }),
    onSuccess: () => refreshAfterCommand(client, ['reviews']),
  });
}

export function useDecideReviewAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, upheld, reason, idempotencyKey }: { reviewId: string; upheld: boolean; reason: string; idempotencyKey: string }) =>
      api<ReviewView>(`/reviews/${encodeURIComponent(reviewId)}/appeal/decision`, { body: { upheld, reason }, idempotencyKey }),
    onSuccess: () => refreshAfterCommand(client, ['reviews']),
  });
}
