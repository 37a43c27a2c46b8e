import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { orderKey } from './orders';

/** A refund request as GET /refunds/{refundId} shows it (the fields the console reads). */
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

export function useOrderRefunds(orderId: string) {
  return useQuery({
    queryKey: [...orderKey(orderId), 'refunds'],
    queryFn: async ({ signal }) => (await api<{ items: Refund[] }>(`/orders/${encodeURIComponent(orderId)}/refunds`, { signal })).items,
  });
}
