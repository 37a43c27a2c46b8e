import type { EventEnvelope, OrderEventData } from '@aftersales/contracts';
import type { ReadModelStore } from '@aftersales/kernel';
import type { KnownOrderStatus } from '../domain';

/**
 * `order_payments`: what logistics knows about each order, from the order topic. Kept by the bus consumer
 * (group `logistics`), not by a projection over the log: logistics learns about orders the way any other
 * subscriber would, so it keeps working when the services no longer share an event store.
 */
export const ORDER_PAYMENTS = 'order_payments';

export interface OrderPaymentsDoc {
  id: string;
  status: Exclude<KnownOrderStatus, 'unknown'>;
  paymentMethod?: 'online' | 'cod';
  /** The shipment the order froze its address for (ShippingAddressLocked): only that shipment may be dispatched by hand. */
  addressLockedFor?: string;
  /** Whose order it is (from OrderPlaced): the edge checks shop staff and buyers against them. */
  buyerId?: string;
  shopId?: string;
  /** Revision of the last order event applied: an older or repeated event changes nothing. */
  revision: number;
  [field: string]: unknown;
}

export const ORDER_EVENT_TYPES = [
  'OrderPlaced',
  'OrderPaid',
  'OrderShipped',
  'OrderDelivered',
  'ReceiptConfirmed',
  'OrderReturnedToMerchant',
  'OrderClosed',
  'ShippingAddressLocked',
  'ShippingAddressUnlocked',
] as const;
type TrackedType = (typeof ORDER_EVENT_TYPES)[number];
const tracked = new Set<string>(ORDER_EVENT_TYPES);

function statusAfter(type: TrackedType, data: unknown, current: OrderPaymentsDoc | undefined): OrderPaymentsDoc['status'] {
  switch (type) {
    case 'OrderPlaced':
      // online orders await payment; cash-on-delivery orders await shipment right away
      return (data as OrderEventData<'OrderPlaced'>).status === 'awaiting_shipment' ? 'awaiting_shipment' : 'awaiting_payment';
    case 'OrderPaid':
      return 'awaiting_shipment';
    case 'OrderShipped':
      return 'shipped';
    case 'OrderDelivered':
      return 'delivered';
    case 'ReceiptConfirmed':
      return 'completed';
    case 'OrderReturnedToMerchant':
      // a paid online order may be shipped again; a COD order closes next (OrderClosed follows)
      return (data as OrderEventData<'OrderReturnedToMerchant'>).paymentMethod === 'cod'
        ? (current?.status ?? 'shipped')
        : 'awaiting_shipment';
    case 'OrderClosed':
      return 'closed';
    case 'ShippingAddressLocked':
    case 'ShippingAddressUnlocked':
      return current?.status ?? 'awaiting_shipment';
  }
}

/** The next document for an order event, or undefined when it changes nothing (not tracked, stale or repeated). */
export function nextOrderPayments(current: OrderPaymentsDoc | undefined, event: EventEnvelope): OrderPaymentsDoc | undefined {
  if (!tracked.has(event.type)) return undefined;
  if (current && current.revision >= event.revision) return undefined;
  const data = event.data as { orderId: string; paymentMethod?: 'online' | 'cod'; buyerId?: string; shopId?: string };
  const paymentMethod = event.type === 'OrderPlaced' ? data.paymentMethod : current?.paymentMethod;
  const buyerId = event.type === 'OrderPlaced' ? data.buyerId : current?.buyerId;
  const shopId = event.type === 'OrderPlaced' ? data.shopId : current?.shopId;
  const addressLockedFor = addressLockAfter(event, current);
  return {
    id: data.orderId,
    status: statusAfter(event.type as TrackedType, event.data, current),
    ...(paymentMethod ? { paymentMethod } : {}),
    ...(buyerId ? { buyerId } : {}),
    ...(shopId ? { shopId } : {}),
    ...(addressLockedFor ? { addressLockedFor } : {}),
    revision: event.revision,
  };
}

function addressLockAfter(event: EventEnvelope, current: OrderPaymentsDoc | undefined): string | undefined {
  switch (event.type) {
    case 'ShippingAddressLocked':
      return (event.data as OrderEventData<'ShippingAddressLocked'>).shipmentId;
    case 'ShippingAddressUnlocked':
    case 'OrderReturnedToMerchant':
      return undefined;
    default:
      return current?.addressLockedFor;
  }
}

export const isOrderEventTracked = (type: string): boolean => tracked.has(type);

/** Whether this order event reached the view before (a redelivery). */
export const isOrderEventRecorded = (readModels: ReadModelStore, event: EventEnvelope): Promise<boolean> =>
  readModels.wasProcessed(ORDER_PAYMENTS, event.eventId);

/**
 * Writes what `event` changes in the view together with its processed id, in one commit: once it is in, a redelivery
 * is recognised; a crash before it redelivers the event.
 */
export async function recordOrderEvent(readModels: ReadModelStore, event: EventEnvelope): Promise<void> {
  const orderId = (event.data as { orderId: string }).orderId;
  const next = nextOrderPayments(await readModels.get<OrderPaymentsDoc>(ORDER_PAYMENTS, orderId), event);
  await readModels.commit({
    projection: ORDER_PAYMENTS,
    checkpoint: Math.max(await readModels.checkpoint(ORDER_PAYMENTS), event.position),
    puts: next ? [{ collection: ORDER_PAYMENTS, doc: next }] : [],
    deletes: [],
    processedEventIds: [event.eventId],
  });
}
