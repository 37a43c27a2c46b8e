import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client';
import { orderKey } from './orders';

/** GET /reviews/{id} (api.md "Reviews"). */
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

/** The order's review; null when the buyer has not reviewed it (404). */
export function useOrderReview(orderId: string) {
  return useQuery({
    queryKey: [...orderKey(orderId), 'review'],
    queryFn: async ({ signal }) => {
      try {
        return await api<Review>(`/orders/${encodeURIComponent(orderId)}/review`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
