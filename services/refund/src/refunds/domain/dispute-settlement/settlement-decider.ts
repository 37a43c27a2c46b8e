import type { DisputeRefundSettled, RefundEvent } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { refundEvent } from '../decide-support';
import type { SettleDisputeRefund } from './settlement-commands';
import { causeKey, initialSettlementState, type SettlementState } from './settlement-state';

export type SettlementDecider = Decider<SettleDisputeRefund, SettlementState, RefundEvent>;

/**
 * How much a cause of a case refunds, decided once per cause. Remedies are agreements of their own: each pays its
 * amount. A ruling on appeal replaces the earlier ruling: it pays only what it adds to what rulings granted, and what
 * it grants less is recorded as not clawed back (money paid stays paid). Never more than the order can still refund;
 * the escalated refund pays first (up to what it asked), a refund the case causes pays the rest.
 */
export function decideSettlement(command: SettleDisputeRefund, state: SettlementState): RefundEvent[] {
  if (state?.causes.includes(causeKey(command.cause))) return [];
  const byRuling = command.cause.rulingId !== undefined && command.cause.remedyId === undefined;
  const previouslyGranted = byRuling ? (state?.grantedByRulings ?? 0) : 0;
  const due = Math.max(0, command.entitledAmount - previouslyGranted);
  const notClawedBack = Math.max(0, previouslyGranted - command.entitledAmount);
  const refundable = Math.max(0, command.refundable);
  const granted = Math.min(due, refundable);
  const escalated = command.escalatedRefund && !state?.escalatedRefundUsed ? command.escalatedRefund : undefined;
  const throughEscalated = escalated ? Math.min(granted, escalated.amount) : 0;
  const rest = granted - throughEscalated;
  const payments: DisputeRefundSettled['payments'] = [
    ...(escalated && throughEscalated > 0 ? [{ refundId: escalated.refundId, amount: throughEscalated, route: 'escalated_refund' as const }] : []),
    ...(rest > 0 ? [{ refundId: command.disputeRefundId, amount: rest, route: 'dispute_refund' as const }] : []),
  ];
  const what = command.cause.remedyId ? `remedy ${command.cause.remedyId}` : `ruling ${command.cause.rulingId}`;
  const explanation = [
    `${what} grants ${command.entitledAmount}`,
    byRuling ? `; earlier rulings granted ${previouslyGranted} → ${due} due` : '',
    notClawedBack > 0 ? `; ${notClawedBack} paid earlier is not clawed back` : '',
    granted < due ? `; capped at ${refundable}, what the order can still refund` : '',
    ` → ${granted} paid`,
  ].join('');
  return [
    refundEvent('DisputeRefundSettled', {
      disputeId: command.disputeId,
      orderId: command.orderId,
      shopId: command.shopId,
      buyerId: command.buyerId,
      cause: command.cause,
      entitledAmount: command.entitledAmount,
      previouslyGranted,
      grantedAmount: granted,
      notClawedBack,
      cappedAt: granted < due ? refundable : undefined,
      payments,
      currency: command.currency,
      explanation,
      decidedAt: command.at,
    }),
  ];
}

export function evolveSettlement(state: SettlementState, event: RefundEvent): SettlementState {
  if (event.type !== 'DisputeRefundSettled') return state;
  const d = event.data;
  const current = state ?? { disputeId: d.disputeId, orderId: d.orderId, causes: [], grantedByRulings: 0, escalatedRefundUsed: false };
  const byRuling = d.cause.rulingId !== undefined && d.cause.remedyId === undefined;
  return {
    ...current,
    causes: [...current.causes, causeKey(d.cause)],
    grantedByRulings: byRuling ? d.previouslyGranted + d.grantedAmount : current.grantedByRulings,
    escalatedRefundUsed: current.escalatedRefundUsed || d.payments.some((p) => p.route === 'escalated_refund'),
  };
}

export const settlementDecider: SettlementDecider = {
  initialState: initialSettlementState,
  decide: decideSettlement,
  evolve: evolveSettlement,
};
