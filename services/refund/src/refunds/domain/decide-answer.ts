import type { RefundEvent, ReturnAddress, Rulebook } from '@aftersales/contracts';
import { addDays, addHours, invalid, isAtOrAfter } from '@aftersales/kernel';
import { refundEvent, refundPayoutId, requireRefund, requireStatus } from './decide-support';
import type { ApproveRefund, AutoApproveRefund, RejectRefund } from './refund-commands';
import { needsReturn, returnShippingPayer } from './refund-rules';
import type { Refund, RefundState } from './refund-state';

type Approval = 'merchant' | 'auto_timeout' | 'platform_ruling';

/** The merchant accepts (or a platform ruling does, for an escalated request). */
export function decideApproveRefund(command: ApproveRefund, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  if (command.approval === 'platform_ruling') requireStatus(refund, 'approving the escalated refund', 'escalated');
  else requireStatus(refund, 'approving the refund', 'waiting_merchant');
  if (needsReturn(refund.type) && !command.returnAddress) {
    throw invalid('the buyer needs to know where to send the goods back', [
      { field: '/returnAddress', message: `required to approve a ${refund.type} request` },
    ]);
  }
  return approval(refund, command.approval, command.at, rulebook, rulebook.version, command.returnAddress);
}

/** The merchant did not answer by merchantRespondBy: the request is approved, citing the rulebook that set the deadline. */
export function decideAutoApproveRefund(command: AutoApproveRefund, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  if (refund.status !== 'waiting_merchant' || !isAtOrAfter(command.at, refund.deadlines.merchantRespondBy)) return [];
  if (needsReturn(refund.type) && !command.returnAddress) {
    throw new Error(`auto-approval of ${refund.id} needs the shop's return address`);
  }
  const version = refund.deadlineRulebooks.merchantRespondBy ?? rulebook.version;
  return approval(refund, 'auto_timeout', command.at, rulebook, version, command.returnAddress);
}

/**
 * What an approval sets off: a return for goods that come back, the payment of a refund-only request, or the
 * reissue (补发) of the listed items. Deadlines that follow use the current rulebook and record its version.
 */
function approval(
  refund: Refund,
  by: Approval,
  at: string,
  rulebook: Rulebook,
  version: string,
  returnAddress?: ReturnAddress,
): RefundEvent[] {
  const returnRequired = needsReturn(refund.type);
  const approved = refundEvent('RefundApproved', {
    refundId: refund.id,
    orderId: refund.orderId,
    approval: by,
    amount: refund.amount,
    returnRequired,
    approvedAt: at,
    rulebookVersion: version,
  });
  if (returnRequired) {
    return [
      approved,
      refundEvent('RefundReturnRequested', {
        refundId: refund.id,
        orderId: refund.orderId,
        returnAddress: returnAddress as ReturnAddress,
        shippingPaidBy: returnShippingPayer(refund.reason),
        returnShipBy: addDays(at, rulebook.refund.buyerReturnShipDays),
        rulebookVersion: rulebook.version,
      }),
    ];
  }
  if (refund.type === 'reissue') {
    return [
      approved,
      refundEvent('ReissueShipmentRequested', {
        refundId: refund.id,
        orderId: refund.orderId,
        items: refund.items ?? [],
        reason: refund.reason,
        requestedAt: at,
        shipBy: addHours(at, rulebook.order.shipWithinHours),
        rulebookVersion: rulebook.version,
      }),
    ];
  }
  return [
    approved,
    paymentAuthorized(refund, by === 'platform_ruling' ? 'platform_ruling' : 'approved', at, by === 'auto_timeout' ? version : undefined),
  ];
}

export function paymentAuthorized(
  refund: Refund,
  trigger: 'approved' | 'return_received' | 'return_confirm_timeout' | 'platform_ruling',
  at: string,
  rulebookVersion?: string,
  amount: number = refund.amount,
): RefundEvent {
  return refundEvent('RefundPaymentAuthorized', {
    refundId: refund.id,
    orderId: refund.orderId,
    shopId: refund.shopId,
    buyerId: refund.buyerId,
    payoutId: refundPayoutId(refund.id),
    amount,
    currency: refund.currency,
    trigger,
    authorizedAt: at,
    rulebookVersion,
  });
}

/** The merchant refuses; the buyer may escalate to a dispute until escalateBy. */
export function decideRejectRefund(command: RejectRefund, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  requireStatus(refund, 'rejecting the refund', 'waiting_merchant');
  return [rejection(refund, command.reason, command.evidence, command.at, rulebook)];
}

export function rejection(refund: Refund, reason: string, evidence: RejectRefund['evidence'], at: string, rulebook: Rulebook): RefundEvent {
  return refundEvent('RefundRejected', {
    refundId: refund.id,
    orderId: refund.orderId,
    reason,
    evidence,
    rejectedAt: at,
    escalateBy: addDays(at, rulebook.refund.escalateAfterRejectionDays),
    rulebookVersion: rulebook.version,
  });
}
