import type { DisputeCause, DisputeRemedyAccepted, DisputeRuled, EventEnvelope } from '@aftersales/contracts';

/** The fields of the dispute's events the refund side reads (the dispute service's contracts). */
type DisputeRemedyAcceptedFacts = Pick<DisputeRemedyAccepted, 'disputeId' | 'orderId' | 'shopId' | 'buyerId' | 'refundId' | 'remedyId' | 'kind' | 'amount' | 'currency'>;
type DisputeRuledFacts = Pick<DisputeRuled, 'disputeId' | 'orderId' | 'shopId' | 'buyerId' | 'refundId' | 'rulingId' | 'outcome' | 'refundAmount' | 'onAppeal' | 'currency'>;

/** The dispute events the refund requests react to (group `refund`). */
export const DISPUTE_EVENTS_REFUNDS_REACT_TO: readonly string[] = ['DisputeRemedyAccepted', 'DisputeRuled'];

const REFUND_REMEDIES = new Set(['refund', 'partial_refund']);
const GOODS_REMEDIES = new Set(['return', 'exchange', 'repair', 'reissue']);

/**
 * What a dispute event asks of the refunds: the cause, what it grants in refunds (`requested`: what the escalated
 * refund asked), and who approves. Every remedy and ruling ends the escalated refund: paid when money is granted,
 * else closed (a remedy without money, a compensation instead, a ruling for the merchant). Undefined: nothing for the
 * refunds (a compensation remedy on a case without an escalated refund).
 */
export interface DisputeRefundPlan {
  cause: DisputeCause;
  disputeId: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  currency: string;
  refundId?: string;
  entitled: number | 'requested';
  approval: 'merchant' | 'platform_ruling';
  /** A ruling is settled (recorded) even when it pays nothing: an appeal's ruling may grant less than paid. */
  alwaysSettle: boolean;
  describe: string;
}

export function disputeRefundPlan(event: Pick<EventEnvelope, 'eventId' | 'type' | 'data'>): DisputeRefundPlan | undefined {
  if (event.type === 'DisputeRemedyAccepted') {
    const d = event.data as DisputeRemedyAcceptedFacts;
    const entitled = REFUND_REMEDIES.has(d.kind) ? (d.amount ?? 'requested') : GOODS_REMEDIES.has(d.kind) ? (d.amount ?? 0) : 0;
    if (entitled === 0 && d.refundId === undefined) return undefined;
    return {
      ...partiesOf(d),
      cause: { kind: 'dispute', disputeId: d.disputeId, remedyId: d.remedyId, eventId: event.eventId },
      entitled,
      approval: 'merchant',
      alwaysSettle: false,
      describe: `the buyer accepted remedy ${d.remedyId} (${d.kind}${d.amount !== undefined ? ` ${d.amount}` : ''}) in case ${d.disputeId}`,
    };
  }
  if (event.type === 'DisputeRuled') {
    const d = event.data as DisputeRuledFacts;
    const entitled = d.outcome === 'merchant_wins' ? 0 : (d.refundAmount ?? (d.outcome === 'buyer_wins' ? 'requested' : 0));
    return {
      ...partiesOf(d),
      cause: { kind: 'dispute', disputeId: d.disputeId, rulingId: d.rulingId, eventId: event.eventId },
      entitled,
      approval: 'platform_ruling',
      alwaysSettle: true,
      describe: `ruling ${d.rulingId} (${d.outcome}${d.onAppeal ? ', on appeal' : ''}${d.refundAmount !== undefined ? `, refund ${d.refundAmount}` : ''}) in case ${d.disputeId}`,
    };
  }
  return undefined;
}

const partiesOf = (d: { disputeId: string; orderId: string; shopId: string; buyerId: string; currency: string; refundId?: string }) => ({
  disputeId: d.disputeId,
  orderId: d.orderId,
  shopId: d.shopId,
  buyerId: d.buyerId,
  currency: d.currency,
  ...(d.refundId !== undefined ? { refundId: d.refundId } : {}),
});

/** The refund a cause of a case opens when it pays more than the escalated refund (or there is none): named after both. */
export const disputeRefundIdOf = (cause: Pick<DisputeCause, 'disputeId' | 'remedyId' | 'rulingId'>): string =>
  `rfd_${cause.disputeId.replace(/^dsp_/, '')}_${cause.remedyId ? `rm_${cause.remedyId}` : `rl_${cause.rulingId ?? ''}`}`;
