import type { OrderEvent } from '@aftersales/contracts';
import { withoutUndefined } from '@aftersales/kernel';
import { evolveOrder } from './evolve-order';
import { noteOf, RECENT_NOTES, type Order, type OrderNote } from './order-state';

/**
 * evolveOrder for an order nobody else holds: a rebuild's document until it is committed, and the state the command
 * handler caches (it hands out copies: copyOrder). The frequent events set the order's own top-level fields instead of
 * copying all of them into a new object, and a note goes into the order's own list of recent notes: a cached order
 * that is replaced on every note is garbage the collector has to move out of the young generation first, which on the
 * busy write path cost more than the copy itself. Other nested values are replaced, never changed, since they may be
 * shared with the events they came from. The fields are set in the order evolveOrder's spreads list them, so the order
 * serialises to the same JSON, keys in the same order. Events that remove a field, or that this function does not
 * know, go through evolveOrder itself and answer its new object.
 */
export function evolveOrderInPlace(order: Order | null, event: OrderEvent): Order | null {
  if (order === null || event.type === 'OrderPlaced') return evolveOrder(order, event);
  switch (event.type) {
    case 'PaymentReminderDue':
      order.paymentReminderRecordedAt = event.data.recordedAt;
      return order;
    case 'OrderPaid':
      order.status = 'awaiting_shipment';
      order.paidAmount = event.data.amount;
      order.paymentRef = event.data.paymentRef;
      order.paidAt = event.data.paidAt;
      order.deadlines = { ...order.deadlines, shipBy: event.data.shipBy };
      order.deadlineRulebooks = { ...order.deadlineRulebooks, shipBy: event.data.rulebookVersion };
      return order;
    case 'OrderClosed':
      order.status = 'closed';
      order.closeReason = event.data.reason;
      order.closedAt = event.data.closedAt;
      if (event.data.cancellationReason !== undefined) order.cancellationReason = event.data.cancellationReason;
      return order;
    case 'OrderNoteAdded':
      // the list is the order's own: evolve makes it, no event carries it, and copyOrder copies it
      addRecentNote(order.notes, noteOf(event.data));
      order.notesCount += 1;
      return order;
    case 'ShippingAddressChanged':
      order.address = event.data.address;
      return order;
    case 'InvoiceRequested':
      order.invoice = withoutUndefined({
        status: 'requested' as const,
        title: event.data.title,
        taxId: event.data.taxId,
        requestedAt: event.data.requestedAt,
      });
      return order;
    case 'InvoiceIssued':
      order.invoice = withoutUndefined({
        status: 'issued' as const,
        title: event.data.title,
        taxId: event.data.taxId,
        requestedAt: order.invoice?.requestedAt ?? event.data.issuedAt,
        invoiceNo: event.data.invoiceNo,
        issuedAt: event.data.issuedAt,
      });
      return order;
    case 'OrderShipped': {
      const { shipmentId, carrier, trackingNo, dispatchedAt, late, autoConfirmAt, rulebookVersion } = event.data;
      order.status = 'shipped';
      order.shipment = { shipmentId, carrier, trackingNo, dispatchedAt, late };
      order.shippedAt = dispatchedAt;
      order.deadlines = { ...order.deadlines, autoConfirmAt };
      order.deadlineRulebooks = { ...order.deadlineRulebooks, autoConfirmAt: rulebookVersion };
      return order;
    }
    case 'OrderDelivered':
      order.status = 'delivered';
      order.deliveredAt = event.data.deliveredAt;
      return order;
    case 'CashOnDeliveryCollected':
      order.paidAmount = event.data.amount;
      order.paidAt = event.data.collectedAt;
      return order;
    case 'ReceiptConfirmed':
      order.status = 'completed';
      order.receiptConfirmedBy = event.data.confirmedBy;
      order.completedAt = event.data.confirmedAt;
      return order;
    case 'ShipByDeadlineMissed':
      order.shipByMissedAt = event.data.detectedAt;
      return order;
    case 'ShippingAddressLocked':
      order.addressLock = { shipmentId: event.data.shipmentId, lockedAt: event.data.lockedAt };
      return order;
    default:
      return evolveOrder(order, event);
  }
}

/** A full list moves up by one in place: no bigger backing store to grow into, and no trimmed one left behind. */
function addRecentNote(notes: OrderNote[], note: OrderNote): void {
  if (notes.length < RECENT_NOTES) {
    notes.push(note);
    return;
  }
  for (let i = 1; i < notes.length; i++) notes[i - 1] = notes[i];
  notes[notes.length - 1] = note;
}

/**
 * What a holder of an order folded in place may keep: a copy that nothing changes afterwards (its own top-level fields
 * and list of notes; the other nested values are never changed in place).
 */
export function copyOrder(order: Order | null): Order | null {
  return order === null ? null : { ...order, notes: order.notes.slice() };
}
