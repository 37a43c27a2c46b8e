import type { RefundReason, RefundType, ShippingPayer } from '@aftersales/contracts';

/** Stable codes of the refund service's refusals: the problem `code`, and the `rule` of every 422. */
export const RefundRules = {
  /** 404: no refund request with that id. */
  refundNotFound: 'refund.not_found',
  /** 409: a refund id is used once. */
  alreadyRequested: 'refund.already_requested',
  /** 422: the type does not fit the reason (e.g. a reissue for a 7-day no-reason return). */
  reasonNotAllowedForType: 'refund.reason_not_allowed_for_type',
  /** 422: money back needs money paid (a cash-on-delivery order pays on delivery). */
  orderNotPaid: 'refund.order_not_paid',
  /** 422: the total refunded on an order never exceeds what was paid (requests in progress included). */
  amountExceedsRefundable: 'refund.amount_exceeds_refundable',
  /** 422: returns, exchanges and reissues are about goods the buyer received; before dispatch only a refund applies. */
  goodsNotShipped: 'refund.goods_not_shipped',
  /** 422: the 7-day no-reason return (七天无理由) counts from receipt. */
  noReasonNotYetReceived: 'refund.no_reason_not_yet_received',
  noReasonWindowExpired: 'refund.no_reason_window_expired',
  noReasonExcludedCategory: 'refund.no_reason_excluded_category',
  noReasonGoodsNotIntact: 'refund.no_reason_goods_not_intact',
  /** 422: the buyer ships the return before the return deadline. */
  returnShipDeadlinePassed: 'refund.return_ship_deadline_passed',
  /** 422: after a rejection the buyer may escalate until escalateBy. */
  escalationWindowExpired: 'refund.escalation_window_expired',
  /** 422: a dispute pays an escalated refund at most what it asked (the rest goes through a refund the case causes). */
  disputeAmountExceedsRequest: 'refund.dispute_amount_exceeds_request',
  /** 409: a refund is decided by one dispute cause; another one is refused. */
  disputeAlreadyResolved: 'refund.dispute_already_resolved',
} as const;

/** The rule ids decisions cite (NoReasonReturnEligibilityDecided.rule.ruleId). */
export const NO_REASON_RULE_ID = 'refund.no_reason_7d';

/**
 * Which reasons each type serves. A 7-day no-reason return needs the goods back; a reissue (补发) sends what is missing
 * or broken; nothing can be returned or exchanged that never arrived or was out of stock.
 */
export const reasonsByType: Record<RefundType, readonly RefundReason[]> = {
  refund_only: [
    'quality',
    'not_as_described',
    'wrong_item',
    'missing_item',
    'damaged',
    'not_received',
    'counterfeit',
    'out_of_stock',
    'other',
  ],
  return_and_refund: ['no_reason_7d', 'quality', 'not_as_described', 'wrong_item', 'missing_item', 'damaged', 'counterfeit', 'other'],
  exchange: ['no_reason_7d', 'quality', 'not_as_described', 'wrong_item', 'damaged', 'other'],
  reissue: ['missing_item', 'damaged', 'not_received', 'wrong_item', 'quality'],
};

/** Types that move money (and reserve it against what was paid); the others cost 0. */
export const isMoneyType = (type: RefundType): boolean => type === 'refund_only' || type === 'return_and_refund';

/** Types whose goods come back before money or replacement. */
export const needsReturn = (type: RefundType): boolean => type === 'return_and_refund' || type === 'exchange';

/**
 * Return shipping (seed 003 q. 43): the buyer pays when the return is not the merchant's fault (no-reason, other);
 * the merchant pays for quality problems, wrong, damaged, missing or fake goods and goods not as described.
 */
export function returnShippingPayer(reason: RefundReason): ShippingPayer {
  return reason === 'no_reason_7d' || reason === 'other' ? 'buyer' : 'merchant';
}
