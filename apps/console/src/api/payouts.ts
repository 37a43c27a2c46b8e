import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { refreshAfterCommand } from './refresh';

/** Payouts the provider gave up on, and finance's re-drive. */

export interface Payout {
  id: string;
  kind: string;
  orderId: string;
  shopId: string;
  amount: number;
  currency: string;
  refundId?: string;
  compensationId?: string;
  status: string;
  failedAttempts: number;
  lastError?: { code: string; message: string };
  failedAt?: string;
  requestedAt: string;
  retries?: { reason: string; requestedAt: string }[];
}

export const useFailedPayouts = () =>
  useQuery({
    queryKey: ['payouts', 'failed'],
    queryFn: () => api<{ items: Payout[]; nextCursor?: string }>('/payouts', { query: { status: 'failed', limit: 100 } }),
    refetchInterval: 10_000,
  });

export function useRetryPayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ payoutId, reason, idempotencyKey }: { payoutId: string; reason: string; idempotencyKey: string }) =>
      api<Payout>(`/payouts/${encodeURIComponent(payoutId)}/retry`, { body: { reason }, idempotencyKey }),
    onSuccess: () => refreshAfterCommand(client, ['payouts']),
  });
}
