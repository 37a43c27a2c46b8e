import { CompensationDecidedEvent, type CompensationDecided, type CompensationPaidOut, type CompensationRejected } from '@aftersales/contracts';
import type { CompensationEvent } from '../domain';

/** When the supervisor and the payout act in the decider specs. */
export const COMPENSATION_AT = '2026-11-21T08:00:00.000Z';

/** The contract's worked example: a late-shipment compensation of 3000 CNY that needs no approval. */
export const compensationDecision = (patch: Partial<CompensationDecided> = {}): CompensationDecided => ({ ...CompensationDecidedEvent.example, ...patch });

export const compensationDecided = (patch: Partial<CompensationDecided> = {}): CompensationEvent => ({
  type: 'CompensationDecided',
  data: compensationDecision(patch),
});

/** sup-1 refused the example decision. */
export const compensationRejected = (patch: Partial<CompensationRejected> = {}): CompensationEvent => {
  const { compensationId, orderId } = compensationDecision();
  return { type: 'CompensationRejected', data: { compensationId, orderId, approverId: 'sup-1', reason: 'settled by refund', rejectedAt: COMPENSATION_AT, ...patch } };
};

/** The example decision paid out from the shop's deposit by payout-compensation-x. */
export const compensationPaidOut = (patch: Partial<CompensationPaidOut> = {}): CompensationEvent => {
  const { compensationId, orderId, shopId, buyerId, amount, currency, rule } = compensationDecision();
  return {
    type: 'CompensationPaidOut',
    data: {
      compensationId,
      orderId,
      shopId,
      buyerId,
      payoutId: 'payout-compensation-x',
      amount,
      currency,
      fundingSource: 'shop_deposit',
      rule,
      paidAt: COMPENSATION_AT,
      ...patch,
    },
  };
};
