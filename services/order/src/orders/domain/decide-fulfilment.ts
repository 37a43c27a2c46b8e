import type { OrderEvent, Rulebook } from '@aftersales/contracts';
import { addDays, illegalTransition, isAfter, isAtOrAfter } from '@aftersales/kernel';
import { orderEvent, requireOrder } from './decide-support';
import type { AutoConfirmReceipt, CheckShipByDeadline, ConfirmReceipt, MarkDelivered, MarkReturned, MarkShipped } from './order-commands';
import type { Order, OrderState } from './order-state';

export function decideCheckShipByDeadline(command: CheckShipByDeadline, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  const shipBy = order.deadlines.shipBy;
  if (order.status !== 'awaiting_shipment' || !shipBy || order.shipByMissedAt || !isAtOrAfter(command.at, shipBy)) return [];
  return [shipByDeadlineMissed(order, shipBy, command.at)];
}

/**
 * Logistics reports the dispatch. A dispatch after shipBy records the miss itself, so a late shipment is
 * compensated even when the ship-by timer had not fired yet.
 */
export function decideMarkShipped(command: MarkShipped, state: OrderState, rulebook: Rulebook): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (knowsShipment(order, command.shipmentId)) return [];
  if (order.status !== 'awaiting_shipment') throw illegalTransition('marking the order shipped', order.status);
  const shipBy = order.deadlines.shipBy;
  const late = shipBy !== undefined && isAfter(command.dispatchedAt, shipBy);
  const firstShipment = order.returnedToMerchant === undefined;
  const days = rulebook.order.autoConfirmReceiptDays;
  return [
    ...(late && firstShipment && !order.shipByMissedAt ? [shipByDeadlineMissed(order, shipBy, command.at)] : []),
    orderEvent('OrderShipped', {
      orderId: order.id,
      shipmentId: command.shipmentId,
      carrier: command.carrier,
      trackingNo: command.trackingNo,
      dispatchedAt: command.dispatchedAt,
      shipBy,
      late,
      autoConfirmAt: addDays(command.dispatchedAt, days),
      autoConfirmReceiptDays: days,
      rulebookVersion: rulebook.version,
    }),
  ];
}

export function decideMarkDelivered(command: MarkDelivered, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  const current = order.shipment?.shipmentId === command.shipmentId;
  if (current && order.status === 'shipped') {
    const delivered = orderEvent('OrderDelivered', { orderId: order.id, shipmentId: command.shipmentId, deliveredAt: command.deliveredAt });
    if (order.paymentMethod === 'online') return [delivered];
    const collected = orderEvent('CashOnDeliveryCollected', {
      orderId: order.id,
      shopId: order.shopId,
      shipmentId: command.shipmentId,
      amount: order.total,
      currency: order.currency,
      collectedAt: command.deliveredAt,
    });
    return [delivered, collected];
  }
  if (current && (order.status === 'delivered' || order.status === 'completed')) return [];
  // A delivery of a parcel the order no longer follows (returned earlier) is logistics' business only.
  if (!current && order.returnedToMerchant?.shipmentId === command.shipmentId) return [];
  throw illegalTransition('marking the order delivered', order.status);
}

export function decideMarkReturned(command: MarkReturned, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.returnedToMerchant?.shipmentId === command.shipmentId) return [];
  if (order.status !== 'shipped' || order.shipment?.shipmentId !== command.shipmentId) {
    throw illegalTransition('returning the parcel to the merchant', order.status);
  }
  const returned = orderEvent('OrderReturnedToMerchant', {
    orderId: order.id,
    shipmentId: command.shipmentId,
    reason: command.reason,
    paymentMethod: order.paymentMethod,
    paidAmount: order.paidAmount,
    returnedAt: command.returnedAt,
  });
  if (order.paymentMethod === 'online') return [returned];
  const closed = orderEvent('OrderClosed', {
    orderId: order.id,
    shopId: order.shopId,
    reason: 'returned_to_merchant',
    previousStatus: order.status,
    closedAt: command.at,
    paidAmount: order.paidAmount,
    currency: order.currency,
  });
  return [returned, closed];
}

export function decideConfirmReceipt(command: ConfirmReceipt, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  if (order.status !== 'shipped' && order.status !== 'delivered') throw illegalTransition('confirming receipt', order.status);
  return [receiptConfirmed(order, 'buyer', command.at)];
}

export function decideAutoConfirmReceipt(command: AutoConfirmReceipt, state: OrderState): OrderEvent[] {
  const order = requireOrder(state, command.orderId);
  const autoConfirmAt = order.deadlines.autoConfirmAt;
  if (order.status !== 'shipped' && order.status !== 'delivered') return [];
  if (!autoConfirmAt || !isAtOrAfter(command.at, autoConfirmAt)) return [];
  return [receiptConfirmed(order, 'auto', command.at)];
}

const knowsShipment = (order: Order, shipmentId: string): boolean =>
  order.shipment?.shipmentId === shipmentId || order.returnedToMerchant?.shipmentId === shipmentId;

function receiptConfirmed(order: Order, confirmedBy: 'buyer' | 'auto', at: string): OrderEvent {
  return orderEvent('ReceiptConfirmed', {
    orderId: order.id,
    shopId: order.shopId,
    confirmedBy,
    confirmedAt: at,
    autoConfirmAt: order.deadlines.autoConfirmAt as string,
    rulebookVersion: confirmedBy === 'auto' ? order.deadlineRulebooks.autoConfirmAt : undefined,
  });
}

function shipByDeadlineMissed(order: Order, shipBy: string, detectedAt: string): OrderEvent {
  return orderEvent('ShipByDeadlineMissed', {
    orderId: order.id,
    shopId: order.shopId,
    buyerId: order.buyerId,
    shipBy,
    detectedAt,
    paymentMethod: order.paymentMethod,
    paidAmount: order.paidAmount,
    itemsTotal: order.itemsTotal,
    shippingFee: order.shippingFee,
    total: order.total,
    currency: order.currency,
    rulebookVersion: order.deadlineRulebooks.shipBy as string,
  });
}
