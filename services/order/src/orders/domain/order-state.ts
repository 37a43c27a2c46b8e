import type { OrderCloseReason, OrderItem, OrderNoteAdded, OrderNoteFlag, OrderPaymentMethod, OrderStatus, ShippingAddress } from '@aftersales/contracts';

export type OrderNote = { noteNo: number; text: string; flag?: OrderNoteFlag; actorId: string; at: string };

/** A note as the order shows it, from the event that added it. */
export function noteOf({ noteNo, text, flag, agentId, addedAt }: OrderNoteAdded): OrderNote {
  return flag === undefined ? { noteNo, text, actorId: agentId, at: addedAt } : { noteNo, text, flag, actorId: agentId, at: addedAt };
}

/**
 * How many of the newest notes the order carries (its document and command answers). Every note is kept as a row of
 * the `order-notes` read model and paged by GET /orders/{id}/notes; carrying them all made every event of a busy order
 * copy, store and send a list that only grows.
 */
export const RECENT_NOTES = 20;

export type OrderDeadlines = { payBy?: string; paymentReminderAt?: string; shipBy?: string; autoConfirmAt?: string };

export type OrderInvoice = {
  status: 'requested' | 'issued';
  title: string;
  taxId?: string;
  requestedAt: string;
  invoiceNo?: string;
  issuedAt?: string;
};

export type OrderShipment = { shipmentId: string; carrier: string; trackingNo: string; dispatchedAt: string; late: boolean };

export type ReturnedShipment = { shipmentId: string; reason: 'refused' | 'undeliverable' | 'other'; returnedAt: string };

/**
 * Everything the order knows, folded from its events. It is also the GET /orders/{id} view (plus `revision`),
 * so the command responses and the read model show the same document.
 */
export type Order = {
  id: string;
  status: OrderStatus;
  closeReason?: OrderCloseReason;
  buyerId: string;
  shopId: string;
  currency: string;
  items: OrderItem[];
  itemsTotal: number;
  shippingFee: number;
  total: number;
  /** What the buyer has paid so far: the total once paid online, or once a COD parcel is delivered. */
  paidAmount: number;
  paymentMethod: OrderPaymentMethod;
  paymentRef?: string;
  address: ShippingAddress;
  /** Ship-by window agreed with the buyer at placement; absent: the rulebook default applies at payment. */
  agreedShipWithinHours?: number;
  /** The newest notes, at most RECENT_NOTES, oldest first. */
  notes: OrderNote[];
  /** Every note ever added: the number of the last one. */
  notesCount: number;
  deadlines: OrderDeadlines;
  /** Rulebook version that set each deadline (compensations and audits cite it). */
  deadlineRulebooks: { payBy?: string; shipBy?: string; autoConfirmAt?: string };
  placedAt: string;
  paidAt?: string;
  paymentReminderRecordedAt?: string;
  shipByMissedAt?: string;
  shipment?: OrderShipment;
  shippedAt?: string;
  deliveredAt?: string;
  returnedToMerchant?: ReturnedShipment;
  receiptConfirmedBy?: 'buyer' | 'auto';
  completedAt?: string;
  closedAt?: string;
  cancellationReason?: string;
  invoice?: OrderInvoice;
  /** A replacement order (exchange, 换货): the original order and the exchange request. */
  replacesOrderId?: string;
  exchangeRefundId?: string;
  /**
   * The shipment the shipping address is frozen for (ShippingAddressLocked): while set, an address change is refused.
   * Logistics dispatches that shipment only after it saw the lock, so no address change is committed after a dispatch.
   */
  addressLock?: { shipmentId: string; lockedAt: string };
  /** The auto-confirm clock is stopped while a refund or dispute is open: the cases and the time the clock has left. */
  autoConfirmPause?: { openCases: { kind: 'refund' | 'dispute'; id: string }[]; remainingMs: number; pausedAt: string };
};

/** `null` until OrderPlaced. */
export type OrderState = Order | null;

export const initialOrderState: OrderState = null;
