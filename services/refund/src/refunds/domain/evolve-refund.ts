import type { RefundEvent } from '@aftersales/contracts';
import type { Refund, RefundDeadlines, RefundState, RefundStatus } from './refund-state';
import { withoutUndefined } from '@aftersales/kernel';

/** Folds one refund event into the state. Events of other streams (compensations, payouts, the allowance) leave it as is. */
export function evolveRefund(state: RefundState, event: RefundEvent): RefundState {
  if (event.type === 'RefundRequested') return requested(event.data);
  if (state === null) return state;
  const next = applyTo(state, event);
  return next === state ? state : withoutUndefined(next);
}

function requested(d: Extract<RefundEvent, { type: 'RefundRequested' }>['data']): Refund {
  return withoutUndefined({
    id: d.refundId,
    orderId: d.orderId,
    shopId: d.shopId,
    buyerId: d.buyerId,
    type: d.type,
    reason: d.reason,
    amount: d.amount,
    currency: d.currency,
    refundableAmount: d.refundableAmount,
    items: d.items,
    description: d.description,
    evidence: d.evidence,
    status: 'waiting_merchant',
    requestedAt: d.requestedAt,
    deadlines: { merchantRespondBy: d.merchantRespondBy },
    deadlineRulebooks: { merchantRespondBy: d.rulebookVersion },
  });
}

/** Close reasons that mean the buyer got what they asked for. */
const statusAfterClosing = (reason: Refund['closeReason']): RefundStatus => {
  if (reason === 'refunded' || reason === 'exchange_fulfilled' || reason === 'reissue_fulfilled') return 'succeeded';
  if (reason === 'escalated_to_dispute') return 'escalated';
  return 'closed';
};

/** The refund now waits in `status` until the `deadline` (`at`), set under the rulebook of `rulebookVersion`. */
function waitingUntil(refund: Refund, status: RefundStatus, deadline: keyof RefundDeadlines, at: string | undefined, rulebookVersion: string | undefined): Refund {
  return {
    ...refund,
    status,
    deadlines: { ...refund.deadlines, [deadline]: at },
    deadlineRulebooks: { ...refund.deadlineRulebooks, [deadline]: rulebookVersion },
  };
}

function applyTo(refund: Refund, event: RefundEvent): Refund {
  switch (event.type) {
    case 'NoReasonReturnEligibilityDecided': {
      const { eligible, grounds, receivedAt, windowEndsAt, excludedCategories, rule } = event.data;
      return { ...refund, eligibility: withoutUndefined({ eligible, grounds, receivedAt, windowEndsAt, excludedCategories, rule }) };
    }
    case 'RefundApproved': {
      const { approval, approvedAt, returnRequired, rulebookVersion } = event.data;
      const status: RefundStatus = returnRequired ? 'waiting_buyer_return' : refund.type === 'reissue' ? 'waiting_reissue' : 'refunding';
      return { ...refund, status, approval: { by: approval, approvedAt, returnRequired, rulebookVersion } };
    }
    case 'RefundReturnRequested': {
      const { returnAddress, shippingPaidBy, returnShipBy, rulebookVersion } = event.data;
      return { ...waitingUntil(refund, 'waiting_buyer_return', 'returnShipBy', returnShipBy, rulebookVersion), returnRequest: { returnAddress, shippingPaidBy } };
    }
    case 'RefundReturnShipped': {
      const { carrier, trackingNo, shippedAt, merchantConfirmBy, rulebookVersion } = event.data;
      return {
        ...waitingUntil(refund, 'waiting_merchant_receipt', 'merchantConfirmBy', merchantConfirmBy, rulebookVersion),
        returnShipment: { carrier, trackingNo, shippedAt },
      };
    }
    case 'RefundReturnReceived': {
      const { condition, note, receivedAt } = event.data;
      return { ...refund, returnReceipt: withoutUndefined({ condition, note, receivedAt }) };
    }
    case 'RefundRejected': {
      const { reason, evidence, rejectedAt, escalateBy, rulebookVersion } = event.data;
      return { ...waitingUntil(refund, 'rejected', 'escalateBy', escalateBy, rulebookVersion), rejection: { reason, evidence, rejectedAt } };
    }
    case 'RefundPaymentAuthorized': {
      const { payoutId, amount, trigger, authorizedAt, rulebookVersion } = event.data;
      return { ...refund, status: 'refunding', payment: withoutUndefined({ payoutId, amount, trigger, authorizedAt, rulebookVersion }) };
    }
    case 'RefundPaid': {
      const { payoutId, amount, trigger, paidAt, rulebookVersion } = event.data;
      const authorized = refund.payment ?? { payoutId, amount, trigger, authorizedAt: paidAt, rulebookVersion };
      return { ...refund, status: 'succeeded', payment: withoutUndefined({ ...authorized, paidAt }) };
    }
    case 'ExchangeReplacementOrderCreated':
      return { ...refund, replacementOrderId: event.data.replacementOrderId };
    case 'ReissueShipmentRequested': {
      const { items, shipBy, rulebookVersion } = event.data;
      return { ...waitingUntil(refund, 'waiting_reissue', 'reissueShipBy', shipBy, rulebookVersion), reissue: { items, shipBy } };
    }
    case 'RefundCancelled':
      return {
        ...refund,
        status: 'cancelled',
        cancellation: withoutUndefined({ reason: event.data.reason, cancelledAt: event.data.cancelledAt }),
      };
    case 'RefundEscalated': {
      const { disputeId, description, escalatedAt } = event.data;
      return { ...refund, status: 'escalated', escalation: { disputeId, description, escalatedAt } };
    }
    case 'RefundDisputeResolved': {
      const { cause, outcome, amount, explanation, resolvedAt } = event.data;
      const dispute = { cause, outcome, amount, explanation, resolvedAt };
      return outcome === 'closed' ? { ...refund, dispute, status: 'closed', closedAt: resolvedAt } : { ...refund, dispute };
    }
    case 'RefundFollowUpResolved': {
      const { cause, amount, resolvedAt } = event.data;
      return { ...refund, followUp: { cause, amount, resolvedAt } };
    }
    case 'RefundClosed':
      return { ...refund, status: statusAfterClosing(event.data.reason), closeReason: event.data.reason, closedAt: event.data.closedAt };
    default:
      return refund;
  }
}
