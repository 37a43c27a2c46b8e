/** The refunds of one case (stream `refund-dispute-<disputeId>`): the causes settled and what rulings granted. */
export interface DisputeSettlement {
  disputeId: string;
  orderId: string;
  /** `remedy:<id>` / `ruling:<id>` of every cause settled. */
  causes: string[];
  /** What the case's rulings granted so far (a ruling on appeal pays only beyond it). */
  grantedByRulings: number;
  /** The escalated refund was paid through (it pays once). */
  escalatedRefundUsed: boolean;
}

export type SettlementState = DisputeSettlement | null;

export const initialSettlementState: SettlementState = null;

export const settlementStreamId = (disputeId: string): string => `refund-dispute-${disputeId}`;

export const causeKey = (cause: { remedyId?: string; rulingId?: string }): string => (cause.remedyId ? `remedy:${cause.remedyId}` : `ruling:${cause.rulingId ?? ''}`);
