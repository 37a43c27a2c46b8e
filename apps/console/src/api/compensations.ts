import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { orderKey } from './orders';

/** One number a compensation's computation used (amounts in minor units), and the event it was read from. */
export interface CompensationInput {
  name: string;
  value: number;
  unit: string;
  sourceEventId?: string;
}

/** GET /compensations/{id}: the decision, its rule and rulebook version, what it was based on and its arithmetic. */
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

export function useOrderCompensations(orderId: string) {
  return useQuery({
    queryKey: [...orderKey(orderId), 'compensations'],
    queryFn: async ({ signal }) => (await api<{ items: Compensation[] }>(`/orders/${encodeURIComponent(orderId)}/compensations`, { signal })).items,
  });
}
