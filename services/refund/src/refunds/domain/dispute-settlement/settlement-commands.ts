import type { DisputeCause } from '@aftersales/contracts';

/**
 * A cause of a case (an accepted remedy, a ruling) asks for refunds: `entitledAmount` is what it grants (for a ruling,
 * the case's total). What the application read beside it: the escalated refund still open, and what the order can
 * still refund (the escalated refund's own reservation included).
 */
export interface SettleDisputeRefund {
  type: 'SettleDisputeRefund';
  disputeId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  currency: string;
  cause: DisputeCause;
  entitledAmount: number;
  /** The case's escalated refund while it is still `escalated` (it can pay up to what it asked). */
  escalatedRefund?: { refundId: string; amount: number };
  refundable: number;
  /** The id of the refund the case causes for this cause, when one is needed. */
  disputeRefundId: string;
  at: string;
}

export type SettlementCommand = SettleDisputeRefund;
