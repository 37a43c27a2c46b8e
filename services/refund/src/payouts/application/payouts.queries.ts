import type { Page } from '@aftersales/kernel';
import { PAYOUTS_COLLECTION, type PayoutView } from '../projections/payouts.projection';
import type { PayoutHandlers } from './payout-handlers';

export type ListPayoutsFilter = { orderId?: string; status?: PayoutView['status']; limit?: number; cursor?: string };

export const getPayout = (h: PayoutHandlers, payoutId: string): Promise<PayoutView | undefined> =>
  h.platform.readModels.get<PayoutView>(PAYOUTS_COLLECTION, payoutId);

export function listPayouts(h: PayoutHandlers, { limit, cursor, ...filters }: ListPayoutsFilter): Promise<Page<PayoutView>> {
  const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return h.platform.readModels.find<PayoutView>(PAYOUTS_COLLECTION, { where, limit, cursor });
}
