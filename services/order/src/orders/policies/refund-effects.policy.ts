import type { DisputeEventData, EventEnvelope, RefundEventData } from '@aftersales/contracts';
import type { AfterSalesCase, CloseRefundedOrder } from '../domain';

/** An exchange's replacement: the id is allocated by the refund service, the rest is read from the original order. */
export interface PlaceReplacementOrderInput {
  orderId: string;
  replacesOrderId: string;
  exchangeRefundId: string;
  items: { sku: string; quantity: number }[];
}

/** What closing an order refunded in full needs besides the order id and the time. */
export type CloseRefundedOrderInput = Omit<CloseRefundedOrder, 'type' | 'orderId' | 'at'>;

/** What a refund event asks of the order service. */
export type RefundEffect =
  | { type: 'PlaceReplacementOrder'; orderId: string; input: PlaceReplacementOrderInput }
  | { type: 'CloseRefundedOrder'; orderId: string; input: CloseRefundedOrderInput }
  | AutoConfirmHold;

/** A refund or dispute opened (pause) or ended (resume): the order's auto-confirm clock stands still while any is open. */
export type AutoConfirmHold = { type: 'PauseAutoConfirm' | 'ResumeAutoConfirm'; orderId: string; input: { cause: AfterSalesCase } };

/** The refund events that may ask something of the order (the bus passes the others over; see orderEffectOfRefundEvent). */
export const REFUND_EVENTS_ORDER_REACTS_TO: readonly string[] = [
  'RefundRequested',
  'RefundCancelled',
  'RefundClosed',
  'ExchangeReplacementOrderCreated',
  'RefundAllowanceSettled',
  'RefundDisputeResolved',
];

/**
 * The refund service decided; the order follows: an exchange's replacement order is placed, and an order whose
 * payment was refunded in full is closed. Any other refund event (a partial refund too) is not the order's business.
 */
export function orderEffectOfRefundEvent(event: EventEnvelope): RefundEffect | undefined {
  if (!REFUND_EVENTS_ORDER_REACTS_TO.includes(event.type)) return undefined;
  switch (event.type) {
    case 'RefundRequested':
    case 'RefundCancelled':
    case 'RefundClosed': {
      const data = event.data as { refundId: string; orderId: string };
      const type = event.type === 'RefundRequested' ? 'PauseAutoConfirm' : 'ResumeAutoConfirm';
      return { type, orderId: data.orderId, input: { cause: { kind: 'refund', id: data.refundId } } };
    }
    case 'RefundDisputeResolved': {
      // a dispute closed the escalated refund without money: it holds the order no more (a paid one ends with RefundClosed)
      const data = event.data as RefundEventData<'RefundDisputeResolved'>;
      if (data.outcome !== 'closed') return undefined;
      return { type: 'ResumeAutoConfirm', orderId: data.orderId, input: { cause: { kind: 'refund', id: data.refundId } } };
    }
    case 'ExchangeReplacementOrderCreated': {
      const data = event.data as RefundEventData<'ExchangeReplacementOrderCreated'>;
      return {
        type: 'PlaceReplacementOrder',
        orderId: data.replacementOrderId,
        input: { orderId: data.replacementOrderId, replacesOrderId: data.orderId, exchangeRefundId: data.refundId, items: data.items },
      };
    }
    case 'RefundAllowanceSettled': {
      const data = event.data as RefundEventData<'RefundAllowanceSettled'>;
      if (!data.refundedInFull) return undefined;
      return { type: 'CloseRefundedOrder', orderId: data.orderId, input: { refundedAmount: data.refundedTotal } };
    }
    default:
      return undefined;
  }
}

/** A dispute case opened or closed on the order: it holds the auto-confirm clock like a refund does. */
export function orderEffectOfDisputeEvent(event: EventEnvelope): AutoConfirmHold | undefined {
  switch (event.type) {
    case 'DisputeOpened': {
      const data = event.data as DisputeEventData<'DisputeOpened'>;
      return { type: 'PauseAutoConfirm', orderId: data.orderId, input: { cause: { kind: 'dispute', id: data.disputeId } } };
    }
    case 'DisputeClosed': {
      const data = event.data as DisputeEventData<'DisputeClosed'>;
      return { type: 'ResumeAutoConfirm', orderId: data.orderId, input: { cause: { kind: 'dispute', id: data.disputeId } } };
    }
    default:
      return undefined;
  }
}
