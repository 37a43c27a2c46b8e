import type { OrderEvent, ShippingAddress } from '@aftersales/contracts';
import { DomainError, illegalTransition } from '@aftersales/kernel';
import { orderEvent, requireOrder } from './decide-support';
import type { AddNote, ChangeAddress, IssueInvoice, LockAddress, RequestInvoice, UnlockAddress } from './order-commands';
import type { Order, OrderState } from './order-state';

/** Notes are append-only and allowed in every status, closed and completed included. */
export function decideAddNote(command: AddNote, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  return [
    orderEvent('OrderNoteAdded', {
      orderId: order.id,
      noteNo: order.notesCount + 1,
      text: command.text,
      flag: command.flag,
      agentId: command.agentId,
      addedAt: command.at,
    }),
  ];
}

/*
 * "No address change after dispatch" lives here, on the order stream, with a handshake with logistics (only events
 * cross): when the order learns that a shipment was created it records ShippingAddressLocked, and from then on refuses
 * changes; logistics dispatches that shipment only once its bus-fed view of the order has seen the lock (see the
 * shipment's DispatchShipment rule). Every accepted change is therefore before the lock on this stream, and the lock
 * before the dispatch: a change cannot be committed after ShipmentDispatched, whatever the timing. (A carrier scan
 * is a fact, not a command: if the carrier picks the parcel up before the lock, logistics records it as it is.)
 */

/** Until a shipment exists (and so before dispatch) the address may change; after it, a change is an after-sales matter. */
export function decideChangeAddress(command: ChangeAddress, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.status !== 'awaiting_payment' && order.status !== 'awaiting_shipment') {
    throw illegalTransition('changing the shipping address', order.status, 'order.address_locked');
  }
  if (order.addressLock !== undefined) {
    throw new DomainError('conflict', 'order.address_locked', `the address is frozen for shipment ${order.addressLock.shipmentId}`, {
      currentStatus: order.status,
      shipmentId: order.addressLock.shipmentId,
    });
  }
  if (sameAddress(order.address, command.address)) return [];
  return [
    orderEvent('ShippingAddressChanged', {
      orderId: order.id,
      previousAddress: order.address,
      address: command.address,
      changedAt: command.at,
    }),
  ];
}

/** The buyer may ask for an invoice at any time before the order closes; a new request replaces an unissued one. */
export function decideRequestInvoice(command: RequestInvoice, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.status === 'closed') throw illegalTransition('requesting an invoice', order.status);
  const invoice = order.invoice;
  if (invoice?.status === 'issued') throw invoiceAlreadyIssued(order);
  if (invoice && invoice.title === command.title && invoice.taxId === command.taxId) return [];
  return [orderEvent('InvoiceRequested', { orderId: order.id, title: command.title, taxId: command.taxId, requestedAt: command.at })];
}

/** The merchant issues the requested invoice once the order is paid (or, for COD, awaiting shipment). */
export function decideIssueInvoice(command: IssueInvoice, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.status === 'awaiting_payment' || order.status === 'closed') {
    throw illegalTransition('issuing an invoice', order.status);
  }
  const invoice = order.invoice;
  if (!invoice) {
    throw new DomainError('conflict', 'order.invoice_not_requested', 'no invoice was requested for this order', {
      currentStatus: order.status,
    });
  }
  if (invoice.status === 'issued') {
    if (invoice.invoiceNo === command.invoiceNo) return [];
    throw invoiceAlreadyIssued(order);
  }
  return [
    orderEvent('InvoiceIssued', {
      orderId: order.id,
      shopId: order.shopId,
      invoiceNo: command.invoiceNo,
      title: invoice.title,
      taxId: invoice.taxId,
      amount: order.total,
      currency: order.currency,
      issuedAt: command.at,
    }),
  ];
}

const invoiceAlreadyIssued = (order: Order): DomainError =>
  new DomainError('conflict', 'order.invoice_already_issued', `invoice ${order.invoice?.invoiceNo} was already issued`, {
    currentStatus: order.status,
    invoiceNo: order.invoice?.invoiceNo,
  });

const addressFields: (keyof ShippingAddress)[] = ['name', 'phone', 'province', 'city', 'district', 'street', 'postalCode'];
const sameAddress = (a: ShippingAddress, b: ShippingAddress): boolean => addressFields.every((f) => a[f] === b[f]);

/** A shipment was created for the order: its address is frozen for that shipment (the parcel goes there). */
export function decideLockAddress(command: LockAddress, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.addressLock?.shipmentId === command.shipmentId) return [];
  if (order.status !== 'awaiting_payment' && order.status !== 'awaiting_shipment') return [];
  return [orderEvent('ShippingAddressLocked', { orderId: order.id, shipmentId: command.shipmentId, address: order.address, lockedAt: command.at })];
}

/** The shipment the address was frozen for was cancelled before dispatch: the address may change again. */
export function decideUnlockAddress(command: UnlockAddress, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.addressLock?.shipmentId !== command.shipmentId) return [];
  return [orderEvent('ShippingAddressUnlocked', { orderId: order.id, shipmentId: command.shipmentId, reason: 'shipment_cancelled', unlockedAt: command.at })];
}
