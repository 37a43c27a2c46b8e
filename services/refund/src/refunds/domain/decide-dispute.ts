import type { DisputeCause, RefundEvent, Rulebook } from '@aftersales/contracts';
import { DomainError, invalid, ruleViolation } from '@aftersales/kernel';
import { paymentAuthorized } from './decide-answer';
import { refundEvent, requireRefund, requireStatus } from './decide-support';
import { evolveRefund } from './evolve-refund';
import type { OpenDisputeRefund, ResolveByDispute } from './refund-commands';
import { RefundRules } from './refund-rules';
import type { Refund, RefundState } from './refund-state';

const sameCause = (a: DisputeCause, b: DisputeCause): boolean =>
  a.disputeId === b.disputeId && a.remedyId === b.remedyId && a.rulingId === b.rulingId;

/** The same cause again (a redelivered event) changes nothing; another cause on a refund a dispute decided is 409. */
function alreadyDecidedBy(refund: Refund, cause: DisputeCause): boolean {
  if (!refund.dispute) return false;
  if (sameCause(refund.dispute.cause, cause)) return true;
  throw new DomainError('conflict', RefundRules.disputeAlreadyResolved, `refund ${refund.id} was already ${refund.dispute.outcome} by ${describeCause(refund.dispute.cause)}`, {
    refundId: refund.id,
    cause: refund.dispute.cause,
  });
}

export const describeCause = (cause: DisputeCause): string =>
  cause.remedyId ? `remedy ${cause.remedyId} of case ${cause.disputeId}` : `ruling ${cause.rulingId ?? '?'} of case ${cause.disputeId}`;

/** An escalated refund ends as its case decided: paid (at most what it asked) or closed. */
export function decideResolveByDispute(command: ResolveByDispute, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  const refund = requireRefund(state, command.refundId);
  if (alreadyDecidedBy(refund, command.cause)) return [];
  requireStatus(refund, 'resolving the refund by its dispute', 'escalated');
  if (command.outcome === 'paid' && command.amount > refund.amount) {
    throw ruleViolation(RefundRules.disputeAmountExceedsRequest, `refund ${refund.id} asked ${refund.amount}; ${command.amount} cannot be paid through it`, {
      requested: refund.amount,
      amount: command.amount,
    });
  }
  return disputeOutcome(refund, command, rulebook);
}

/** A refund the case causes: requested by the case, approved and authorized in the same write. */
export function decideOpenDisputeRefund(command: OpenDisputeRefund, state: RefundState, rulebook: Rulebook): RefundEvent[] {
  if (state !== null) {
    if (alreadyDecidedBy(state, command.cause)) return [];
    throw new DomainError('conflict', RefundRules.alreadyRequested, `refund ${command.refundId} already exists`, { refundId: command.refundId });
  }
  if (command.outcome !== 'paid' || !Number.isSafeInteger(command.amount) || command.amount < 1) {
    throw invalid('a refund the dispute causes pays something', [{ field: '/amount', message: 'must be an integer ≥ 1 (minor units)' }]);
  }
  const { order } = command;
  const requested = refundEvent('RefundRequested', {
    refundId: command.refundId,
    orderId: order.orderId,
    shopId: order.shopId,
    buyerId: order.buyerId,
    type: 'refund_only',
    reason: 'other',
    amount: command.amount,
    currency: order.currency,
    refundableAmount: command.refundableAmount,
    description: `Refund caused by ${describeCause(command.cause)}: ${command.explanation}`.slice(0, 2000),
    evidence: [],
    requestedAt: command.at,
    // answered in the same write: nothing waits on the merchant
    merchantRespondBy: command.at,
    rulebookVersion: rulebook.version,
  });
  const refund = evolveRefund(null, requested) as Refund;
  return [requested, ...disputeOutcome(refund, command, rulebook)];
}

function disputeOutcome(refund: Refund, command: ResolveByDispute | OpenDisputeRefund, rulebook: Rulebook): RefundEvent[] {
  const paid = command.outcome === 'paid';
  const resolved = refundEvent('RefundDisputeResolved', {
    refundId: refund.id,
    orderId: refund.orderId,
    shopId: refund.shopId,
    buyerId: refund.buyerId,
    cause: command.cause,
    outcome: command.outcome,
    amount: paid ? command.amount : 0,
    currency: refund.currency,
    explanation: command.explanation.slice(0, 1000),
    resolvedAt: command.at,
  });
  if (!paid) return [resolved];
  return [
    resolved,
    refundEvent('RefundApproved', {
      refundId: refund.id,
      orderId: refund.orderId,
      approval: command.approval,
      amount: command.amount,
      returnRequired: false,
      approvedAt: command.at,
      rulebookVersion: rulebook.version,
    }),
    paymentAuthorized(refund, command.approval === 'platform_ruling' ? 'platform_ruling' : 'approved', command.at, undefined, command.amount),
  ];
}
