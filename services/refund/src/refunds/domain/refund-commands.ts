import type { DisputeCause, Evidence, FollowUpRefundCause, RefundItem, RefundReason, RefundType, ReturnAddress, ReturnCondition } from '@aftersales/contracts';
import type { OrderFacts } from './order-facts';

/** Every command names its refund and carries `at`, the business time it happens at (from the clock port). */
interface RefundCommandBase<T extends string> {
  type: T;
  refundId: string;
  at: string;
}

/**
 * The buyer asks. The application has already reserved `amount` against what was paid (the allowance stream);
 * `refundableAmount` is what could still be refunded before that reservation.
 */
export interface RequestRefund extends RefundCommandBase<'RequestRefund'> {
  order: OrderFacts;
  refundType: RefundType;
  reason: RefundReason;
  amount: number;
  refundableAmount: number;
  items?: RefundItem[];
  description?: string;
  evidence: Evidence[];
  /** What the buyer declares about the goods (7-day no-reason returns need them intact). Default intact. */
  goodsCondition?: ReturnCondition;
}

export interface ApproveRefund extends RefundCommandBase<'ApproveRefund'> {
  approval: 'merchant' | 'platform_ruling';
  /** Required when the goods come back (return and refund, exchange). */
  returnAddress?: ReturnAddress;
}

export interface RejectRefund extends RefundCommandBase<'RejectRefund'> {
  reason: string;
  evidence: Evidence[];
}

export interface ShipReturn extends RefundCommandBase<'ShipReturn'> {
  carrier: string;
  trackingNo: string;
}

export interface ConfirmReturnReceipt extends RefundCommandBase<'ConfirmReturnReceipt'> {
  condition: ReturnCondition;
  note?: string;
  /** The id an exchange's replacement order gets (allocated by the application). */
  replacementOrderId: string;
}

export interface CancelRefund extends RefundCommandBase<'CancelRefund'> {
  reason?: string;
}

export interface EscalateRefund extends RefundCommandBase<'EscalateRefund'> {
  description: string;
  evidence: Evidence[];
  /** The dispute case to open (allocated by the application, so opening it is idempotent). */
  disputeId: string;
}

/** The payout of this refund succeeded (PayoutSucceeded): the refund records RefundPaid, its ledger fact. */
export interface RecordRefundPaid extends RefundCommandBase<'RecordRefundPaid'> {
  payoutId: string;
  amount: number;
  paidAt: string;
  /** All refunds paid on the order, this one included (from the allowance). */
  totalRefundedOnOrder: number;
}

/** Logistics reports the reissue parcel left the merchant. */
export interface RecordReissueDispatched extends RefundCommandBase<'RecordReissueDispatched'> {
  shipmentId: string;
  dispatchedAt: string;
}

/** Fired by durable timers; each re-checks state and deadline, so a late or repeated fire changes nothing. */
export interface AutoApproveRefund extends RefundCommandBase<'AutoApproveRefund'> {
  /** The shop's return address on file, for types whose goods come back. */
  returnAddress?: ReturnAddress;
}
export type CloseUnshippedReturn = RefundCommandBase<'CloseUnshippedReturn'>;
export interface AutoConfirmReturn extends RefundCommandBase<'AutoConfirmReturn'> {
  replacementOrderId: string;
}
export type CloseUnescalatedRefund = RefundCommandBase<'CloseUnescalatedRefund'>;

export type RefundTimerCommand = AutoApproveRefund | CloseUnshippedReturn | AutoConfirmReturn | CloseUnescalatedRefund;
export const refundTimerCommandTypes: readonly RefundTimerCommand['type'][] = [
  'AutoApproveRefund',
  'CloseUnshippedReturn',
  'AutoConfirmReturn',
  'CloseUnescalatedRefund',
];

/** What a dispute decided for one refund: pay `amount` (approved by the remedy's merchant or by the ruling) or close. */
interface DisputeDecision {
  cause: DisputeCause;
  outcome: 'paid' | 'closed';
  /** What the refund pays; 0 when closed. */
  amount: number;
  /** Who the approval is attributed to: the shop that proposed the accepted remedy, or the platform's ruling. */
  approval: 'merchant' | 'platform_ruling';
  explanation: string;
}

/** A dispute's remedy or ruling ends an escalated refund: paid (at most what it asked) or closed. */
export interface ResolveByDispute extends RefundCommandBase<'ResolveByDispute'>, DisputeDecision {}

/** A refund the case causes (no escalated refund, or more than it asked): requested, approved and authorized at once. */
export interface OpenDisputeRefund extends RefundCommandBase<'OpenDisputeRefund'>, DisputeDecision {
  order: Pick<OrderFacts, 'orderId' | 'shopId' | 'buyerId' | 'currency'>;
  /** What the order could still refund before this refund's reservation. */
  refundableAmount: number;
}

/**
 * A partial refund granted in a bad-review follow-up: requested, approved and authorized at once when the order can
 * still refund `amount` (already reserved on the allowance), else refused with nothing paid.
 */
export interface OpenFollowUpRefund extends RefundCommandBase<'OpenFollowUpRefund'> {
  order: Pick<OrderFacts, 'orderId' | 'shopId' | 'buyerId' | 'currency'>;
  cause: FollowUpRefundCause;
  amount: number;
  /** What the order could still refund before this refund's reservation. */
  refundableAmount: number;
}

export type RefundCommand =
  | RequestRefund
  | ResolveByDispute
  | OpenDisputeRefund
  | OpenFollowUpRefund
  | ApproveRefund
  | RejectRefund
  | ShipReturn
  | ConfirmReturnReceipt
  | CancelRefund
  | EscalateRefund
  | RecordRefundPaid
  | RecordReissueDispatched
  | RefundTimerCommand;
