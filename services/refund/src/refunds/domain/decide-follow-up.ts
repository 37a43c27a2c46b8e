import type { FollowUpRefundCause, RefundEvent, Rulebook } from '@aftersales/contracts';
import { DomainError, invalid } from '@aftersales/kernel';
import { paymentAuthorized } from './decide-answer';
import { refundEvent } from './decide-support';
import { evolveRefund } from './evolve-refund';
import type { OpenFollowUpRefund } from './refund-commands';
import { RefundRules } from './refund-rules';
import type { Refund, RefundState } from './refund-state';

export const describeFollowUpCause = (cause: FollowUpRefundCause): string => `partial refund ${cause.remedyId} of review follow-up ${cause.followUpId}`;

/**
 * A partial refund the shop granted in a bad-review follow-up (one refund per remedy): paid in full when the order can
 * still refund it, else refused with nothing paid (never a part: the shop granted that amount). The same remedy again
 * (a redelivered event) changes nothing.
 */
export function decideOpenFollowUpRefund(command: OpenFollowUpRefund, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  if (state !== null) {
    if (state.followUp?.cause.followUpId === command.cause.followUpId && state.followUp.cause.remedyId === command.cause.remedyId) return [];
    throw new DomainError('conflict', RefundRules.alreadyRequested, `refund ${command.refundId} already exists`, { refundId: command.refundId });
  }
  if (!Number.isSafeInteger(command.amount) || command.amount < 1) {
    throw invalid('a partial refund pays something', [{ field: '/amount', message: 'must be an integer ≥ 1 (minor units)' }]);
  }
  const { order, cause, amount } = command;
  const what = describeFollowUpCause(cause);
  const parties = { refundId: command.refundId, orderId: order.orderId, shopId: order.shopId, buyerId: order.buyerId };
  if (amount > command.refundableAmount) {
    return [
      refundEvent('FollowUpRefundRefused', {
        ...parties,
        cause,
        amount,
        refundable: Math.max(0, command.refundableAmount),
        currency: order.currency,
        ruleId: RefundRules.amountExceedsRefundable,
        explanation: `${what} asks ${amount}; the order can still refund ${Math.max(0, command.refundableAmount)}: nothing paid`,
        refusedAt: command.at,
      }),
    ];
  }
  const explanation = `${what}: ${amount} of ${command.refundableAmount} still refundable`;
  const requested = refundEvent('RefundRequested', {
    ...parties,
    type: 'refund_only',
    reason: 'other',
    amount,
    currency: order.currency,
    refundableAmount: command.refundableAmount,
    description: `Refund caused by ${explanation}`,
    evidence: [],
    requestedAt: command.at,
    // granted by the shop in the follow-up: nothing waits on the merchant
    merchantRespondBy: command.at,
    rulebookVersion: rulebook.version,
  });
  const refund = evolveRefund(null, requested) as Refund;
  return [
    requested,
    refundEvent('RefundFollowUpResolved', { ...parties, cause, amount, currency: order.currency, explanation, resolvedAt: command.at }),
    refundEvent('RefundApproved', {
      refundId: refund.id,
      orderId: refund.orderId,
      approval: 'merchant',
      amount,
      returnRequired: false,
      approvedAt: command.at,
      rulebookVersion: rulebook.version,
    }),
    paymentAuthorized(refund, 'approved', command.at, undefined, amount),
  ];
}
