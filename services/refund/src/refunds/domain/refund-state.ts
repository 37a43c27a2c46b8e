import type {
  DisputeCause,
  FollowUpRefundCause,
  Evidence,
  RefundCloseReasons,
  RefundItem,
  RefundPaymentTriggers,
  RefundReason,
  RefundType,
  ReturnAddress,
  ReturnCondition,
  ShippingPayer,
} from '@aftersales/contracts';
import type { NoReasonEligibility } from './no-reason-eligibility';

/**
 * Where a request stands. The brief's statuses, plus `refunding` (approved, the money is on its way),
 * `waiting_reissue` (a reissue waits for the merchant's parcel) and `cancelled` (the buyer withdrew).
 */
export const RefundStatuses = [
  'waiting_merchant',
  'waiting_buyer_return',
  'waiting_merchant_receipt',
  'refunding',
  'waiting_reissue',
  'rejected',
  'escalated',
  'cancelled',
  'closed',
  'succeeded',
] as const;
export type RefundStatus = (typeof RefundStatuses)[number];

export type RefundCloseReason = (typeof RefundCloseReasons)[number];
export type RefundPaymentTrigger = (typeof RefundPaymentTriggers)[number];

/** Each deadline, and the rulebook version that set it (a timeout cites it). */
export interface RefundDeadlines {
  merchantRespondBy: string;
  returnShipBy?: string;
  merchantConfirmBy?: string;
  escalateBy?: string;
  reissueShipBy?: string;
}

/**
 * Everything the refund knows, folded from its stream. Also the GET /refunds/{id} document (plus `revision`),
 * so command responses and the read model show the same thing.
 */
export type Refund = {
  id: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  type: RefundType;
  reason: RefundReason;
  amount: number;
  currency: string;
  /** What could still be refunded on the order when asked (before this request). */
  refundableAmount: number;
  items?: RefundItem[];
  description?: string;
  evidence: Evidence[];
  status: RefundStatus;
  requestedAt: string;
  deadlines: RefundDeadlines;
  deadlineRulebooks: Partial<Record<keyof RefundDeadlines, string>>;
  eligibility?: NoReasonEligibility;
  approval?: { by: 'merchant' | 'auto_timeout' | 'platform_ruling'; approvedAt: string; returnRequired: boolean; rulebookVersion: string };
  returnRequest?: { returnAddress: ReturnAddress; shippingPaidBy: ShippingPayer };
  returnShipment?: { carrier: string; trackingNo: string; shippedAt: string };
  returnReceipt?: { condition: ReturnCondition; note?: string; receivedAt: string };
  rejection?: { reason: string; evidence: Evidence[]; rejectedAt: string };
  payment?: {
    payoutId: string;
    amount: number;
    trigger: RefundPaymentTrigger;
    authorizedAt: string;
    paidAt?: string;
    rulebookVersion?: string;
  };
  replacementOrderId?: string;
  reissue?: { items: RefundItem[]; shipBy: string };
  escalation?: { disputeId: string; description: string; escalatedAt: string };
  /** What a dispute decided for this refund (RefundDisputeResolved): the case, remedy or ruling, and the amount. */
  dispute?: { cause: DisputeCause; outcome: 'paid' | 'closed'; amount: number; explanation: string; resolvedAt: string };
  /** The bad-review follow-up remedy this refund pays (RefundFollowUpResolved). */
  followUp?: { cause: FollowUpRefundCause; amount: number; resolvedAt: string };
  cancellation?: { reason?: string; cancelledAt: string };
  closeReason?: RefundCloseReason;
  closedAt?: string;
};

/** `null` until RefundRequested. */
export type RefundState = Refund | null;

export const initialRefundState: RefundState = null;

/** Statuses after which nothing more happens to the request. */
export const isFinal = (status: RefundStatus): boolean => status === 'cancelled' || status === 'closed' || status === 'succeeded';
