import type { PayoutRequest } from '../domain';

/** A compensation payout of 3000 CNY to buyer-1 (payout-compensation-cmp-1); `patch` changes what a test is about. */
export const payoutRequest = (patch: Partial<PayoutRequest> = {}): PayoutRequest => ({
  payoutId: 'payout-compensation-cmp-1',
  kind: 'compensation',
  orderId: 'ord-1',
  shopId: 'shop-1',
  buyerId: 'buyer-1',
  amount: 3000,
  currency: 'CNY',
  compensationId: 'cmp-1',
  causedBy: ['ev-decided'],
  ...patch,
});
