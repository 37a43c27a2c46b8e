import type { OrderEvent } from '@aftersales/contracts';
import { withoutUndefined } from '@aftersales/kernel';
import { noteOf, RECENT_NOTES, type Order, type OrderDeadlines, type OrderState } from './order-state';

/**
 * Folds one order event into the state. Total: an event before OrderPlaced is a corrupt stream.
 * Always returns a new top-level object, and never one with an undefined field (state must equal its JSON round
 * trip, the read model): a field that an event ends or leaves unset is omitted, not set to undefined.
 */
export function evolveOrder(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'OrderPlaced') return placed(event.data);
  if (state === null) throw new Error(`order stream starts with ${event.type}, not OrderPlaced`);
  return applyTo(state, event);
}

type PlacedData = Extract<OrderEvent, { type: 'OrderPlaced' }>['data'];

function placed(data: PlacedData): Order {
  const order: Order = {
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
    notes: [],
    notesCount: 0,
    deadlines: initialDeadlines(data),
    // online orders start with a pay-by; COD and replacement orders with a ship-by
    deadlineRulebooks: data.shipBy === undefined ? { payBy: data.rulebookVersion } : { shipBy: data.rulebookVersion },
    placedAt: data.placedAt,
  };
  if (data.shipWithinHours !== undefined) order.agreedShipWithinHours = data.shipWithinHours;
  if (data.replacesOrderId !== undefined) order.replacesOrderId = data.replacesOrderId;
  if (data.exchangeRefundId !== undefined) order.exchangeRefundId = data.exchangeRefundId;
  return order;
}

function initialDeadlines({ payBy, paymentReminderAt, shipBy }: PlacedData): OrderDeadlines {
  const deadlines: OrderDeadlines = {};
  if (payBy !== undefined) deadlines.payBy = payBy;
  if (paymentReminderAt !== undefined) deadlines.paymentReminderAt = paymentReminderAt;
  if (shipBy !== undefined) deadlines.shipBy = shipBy;
  return deadlines;
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
    case 'OrderClosed': {
      const { reason, closedAt, cancellationReason } = event.data;
      const closed: Order = { ...order, status: 'closed', closeReason: reason, closedAt };
      if (cancellationReason !== undefined) closed.cancellationReason = cancellationReason;
      return closed;
    }
    case 'OrderNoteAdded': {
      const notes = order.notes.slice(1 - RECENT_NOTES); // one new array, not a slice spread into another
      notes.push(noteOf(event.data));
      return { ...order, notes, notesCount: order.notesCount + 1 };
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
    case 'ShippingAddressLocked':
      return { ...order, addressLock: { shipmentId: event.data.shipmentId, lockedAt: event.data.lockedAt } };
    case 'ShippingAddressUnlocked': {
      const { addressLock: _unlocked, ...unlocked } = order;
      return unlocked;
    }
    case 'AutoConfirmPaused': {
      const { autoConfirmAt: _stopped, ...deadlines } = order.deadlines;
      const { openCases, remainingMs, pausedAt } = event.data;
      return { ...order, deadlines, autoConfirmPause: { openCases, remainingMs, pausedAt: order.autoConfirmPause?.pausedAt ?? pausedAt } };
    }
    case 'AutoConfirmResumed': {
      const { openCases, remainingMs, autoConfirmAt } = event.data;
      const { autoConfirmPause: pause, ...rest } = order;
      if (autoConfirmAt === undefined) return { ...rest, autoConfirmPause: { ...pause!, openCases, remainingMs } };
      return { ...rest, deadlines: { ...order.deadlines, autoConfirmAt } };
    }
    case 'OrderReturnedToMerchant': {
      const { shipmentId, reason, returnedAt } = event.data;
      const { autoConfirmAt: _dropped, ...deadlines } = order.deadlines;
      const { shipment: _returned, addressLock: _shipped, ...withoutShipment } = order;
      return {
        ...withoutShipment,
        // A paid online order can be shipped again (or refunded); a COD order closes in the same command.
        status: order.paymentMethod === 'online' ? 'awaiting_shipment' : order.status,
        returnedToMerchant: { shipmentId, reason, returnedAt },
        deadlines,
      };
    }
  }
}
