import type { OrderEvent } from '@aftersales/contracts';
import type { Order, OrderState } from './order-state';
import { withoutUndefined } from './without-undefined';

/** Folds one order event into the state. Total: an event before OrderPlaced is a corrupt stream. */
export function evolveOrder(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'OrderPlaced') return placed(event.data);
  if (state === null) throw new Error(`order stream starts with ${event.type}, not OrderPlaced`);
  return withoutUndefined(applyTo(state, event));
}

function placed(data: Extract<OrderEvent, { type: 'OrderPlaced' }>['data']): Order {
  return withoutUndefined({
    id: data.orderId,
    status: data.status,
    buyerId: data.buyerId,
    shopId: data.shopId,
    currency: data.currency,
    items: data.items,
    itemsTotal: data.itemsTotal,
    shippingFee: data.shippingFee,
    total: data.total,
    paidAmount: 0,
    paymentMethod: data.paymentMethod,
    address: data.address,
    agreedShipWithinHours: data.shipWithinHours,
    notes: [],
    deadlines: withoutUndefined({ payBy: data.payBy, paymentReminderAt: data.paymentReminderAt, shipBy: data.shipBy }),
    deadlineRulebooks: data.paymentMethod === 'online' ? { payBy: data.rulebookVersion } : { shipBy: data.rulebookVersion },
    placedAt: data.placedAt,
  });
}

function applyTo(order: Order, event: OrderEvent): Order {
  switch (event.type) {
    case 'OrderPlaced':
      return order;
    case 'PaymentReminderDue':
      return { ...order, paymentReminderRecordedAt: event.data.recordedAt };
    case 'OrderPaid':
      return {
        ...order,
        status: 'awaiting_shipment',
        paidAmount: event.data.amount,
        paymentRef: event.data.paymentRef,
        paidAt: event.data.paidAt,
        deadlines: { ...order.deadlines, shipBy: event.data.shipBy },
        deadlineRulebooks: { ...order.deadlineRulebooks, shipBy: event.data.rulebookVersion },
      };
    case 'OrderClosed':
      return {
        ...order,
        status: 'closed',
        closeReason: event.data.reason,
        closedAt: event.data.closedAt,
        cancellationReason: event.data.cancellationReason,
      };
    case 'OrderNoteAdded': {
      const { noteNo, text, flag, agentId, addedAt } = event.data;
      return { ...order, notes: [...order.notes, withoutUndefined({ noteNo, text, flag, actorId: agentId, at: addedAt })] };
    }
    case 'ShippingAddressChanged':
      return { ...order, address: event.data.address };
    case 'InvoiceRequested':
      return {
        ...order,
        invoice: withoutUndefined({
          status: 'requested' as const,
          title: event.data.title,
          taxId: event.data.taxId,
          requestedAt: event.data.requestedAt,
        }),
      };
    case 'InvoiceIssued':
      return {
        ...order,
        invoice: withoutUndefined({
          status: 'issued' as const,
          title: event.data.title,
          taxId: event.data.taxId,
          requestedAt: order.invoice?.requestedAt ?? event.data.issuedAt,
          invoiceNo: event.data.invoiceNo,
          issuedAt: event.data.issuedAt,
        }),
      };
    case 'OrderShipped': {
      const { shipmentId, carrier, trackingNo, dispatchedAt, late, autoConfirmAt, rulebookVersion } = event.data;
      return {
        ...order,
        status: 'shipped',
        shipment: { shipmentId, carrier, trackingNo, dispatchedAt, late },
        shippedAt: dispatchedAt,
        deadlines: { ...order.deadlines, autoConfirmAt },
        deadlineRulebooks: { ...order.deadlineRulebooks, autoConfirmAt: rulebookVersion },
      };
    }
    case 'OrderDelivered':
      return { ...order, status: 'delivered', deliveredAt: event.data.deliveredAt };
    case 'CashOnDeliveryCollected':
      return { ...order, paidAmount: event.data.amount, paidAt: event.data.collectedAt };
    case 'ReceiptConfirmed':
      return { ...order, status: 'completed', receiptConfirmedBy: event.data.confirmedBy, completedAt: event.data.confirmedAt };
    case 'ShipByDeadlineMissed':
      return { ...order, shipByMissedAt: event.data.detectedAt };
    case 'OrderReturnedToMerchant': {
      const { shipmentId, reason, returnedAt } = event.data;
      const { autoConfirmAt: _dropped, ...deadlines } = order.deadlines;
      return {
        ...order,
        // A paid online order can be shipped again (or refunded); a COD order closes in the same command.
        status: order.paymentMethod === 'online' ? 'awaiting_shipment' : order.status,
        shipment: undefined,
        returnedToMerchant: { shipmentId, reason, returnedAt },
        deadlines,
      };
    }
  }
}
