import type { EventEnvelope, PayoutSucceeded, RefundEventData } from '@aftersales/contracts';
import { reactionContext, runEffects } from './reaction-effects';
import type { RefundHandlers } from './refund-handlers';
import type { RefundReactionOutcome } from './refunds.types';

/*
 * What refund events mean for other services is theirs to do from the refund topic: the order service places an
 * exchange's replacement order and closes an order refunded in full, logistics creates the return shipment the buyer
 * handed over. Here: the refund payout, the allowance released or settled, RefundPaid.
 */

/** The refund events group `refund` reacts to (the bus passes the others over). */
export const REFUND_EVENTS_REFUNDS_REACT_TO: readonly string[] = [
  'RefundPaymentAuthorized',
  'PayoutSucceeded',
  'RefundCancelled',
  'RefundClosed',
  'RefundDisputeResolved',
];

/** Refund topic, group `refund`: the refund payout, the allowance settled or released, RefundPaid. */
export async function onRefundEvent(h: RefundHandlers, event: EventEnvelope): Promise<RefundReactionOutcome> {
  if (!REFUND_EVENTS_REFUNDS_REACT_TO.includes(event.type)) return { outcome: 'ignored' };
  switch (event.type) {
    case 'RefundPaymentAuthorized': {
      const d = event.data as RefundEventData<'RefundPaymentAuthorized'>;
      return runEffects(event, h.log, [
        {
          name: 'request the refund payout',
          run: () =>
            h.deps.payouts.request(
              {
                payoutId: d.payoutId,
                kind: 'refund',
                orderId: d.orderId,
                shopId: d.shopId,
                buyerId: d.buyerId,
                amount: d.amount,
                currency: d.currency,
                refundId: d.refundId,
                causedBy: [event.eventId],
              },
              reactionContext(event, 'payout'),
            ),
        },
      ]);
    }
    case 'PayoutSucceeded':
      return onPayoutSucceeded(h, event);
    case 'RefundCancelled':
    case 'RefundClosed':
    case 'RefundDisputeResolved': {
      const d = event.data as { refundId: string; orderId: string; reason?: string; outcome?: string };
      if (event.type === 'RefundClosed' && d.reason === 'refunded') return { outcome: 'ignored' };
      if (event.type === 'RefundDisputeResolved' && d.outcome !== 'closed') return { outcome: 'ignored' };
      const reason = event.type === 'RefundCancelled' ? 'request_cancelled' : 'request_closed';
      return runEffects(event, h.log, [
        {
          name: 'release the reservation',
          run: () =>
            h.runAllowance(
              d.orderId,
              { type: 'ReleaseReservation', orderId: d.orderId, refundId: d.refundId, reason, sourceEventId: event.eventId },
              reactionContext(event, 'allowance'),
            ),
        },
      ]);
    }
    default:
      return { outcome: 'ignored' };
  }
}

/** The money moved: the allowance turns the reservation into a refund, then the refund records RefundPaid. */
async function onPayoutSucceeded(h: RefundHandlers, event: EventEnvelope): Promise<RefundReactionOutcome> {
  const paid = event.data as PayoutSucceeded;
  if (paid.kind !== 'refund' || paid.refundId === undefined) return { outcome: 'ignored' };
  const refundId = paid.refundId;
  let totalRefundedOnOrder = paid.amount;
  return runEffects(event, h.log, [
    {
      name: 'settle the allowance',
      run: async () => {
        const settled = await h.runAllowance(
          paid.orderId,
          {
            type: 'SettleRefund',
            orderId: paid.orderId,
            refundId,
            amount: paid.amount,
            payoutId: paid.payoutId,
            sourceEventId: event.eventId,
          },
          reactionContext(event, 'allowance'),
        );
        totalRefundedOnOrder = settled.state?.refundedTotal ?? paid.amount;
      },
    },
    {
      name: 'record the refund paid',
      run: () =>
        h.runRefund(
          refundId,
          { type: 'RecordRefundPaid', refundId, payoutId: paid.payoutId, amount: paid.amount, paidAt: paid.paidAt, totalRefundedOnOrder },
          reactionContext(event, 'refund'),
        ),
    },
  ]);
}
