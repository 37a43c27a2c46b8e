import type { OrderEvent, Rulebook } from '@aftersales/contracts';
import { addHours, illegalTransition, invalid, ruleViolation } from '@aftersales/kernel';
import { orderEvent } from './decide-support';
import type { PlaceOrder, PlaceReplacementOrder } from './order-commands';
import type { OrderState } from './order-state';

type FieldError = { field: string; message: string };

export function decidePlaceOrder(command: PlaceOrder, state: OrderState, rulebook: Rulebook): OrderEvent[] {
  if (state !== null) throw illegalTransition('placing the order again', state.status, 'order.already_placed');
  if (command.shopClosedSince !== undefined) {
    throw ruleViolation('order.shop_closed', `shop ${command.shopId} is closed for its penalty points since ${command.shopClosedSince}`, {
      shopId: command.shopId,
      closedSince: command.shopClosedSince,
    });
  }
  const { itemsTotal, total } = priceOf(command);
  const online = command.paymentMethod === 'online';
  const { unpaidAutoCloseHours, paymentReminderAfterHours, shipWithinHours } = rulebook.order;
  return [
    orderEvent('OrderPlaced', {
      orderId: command.orderId,
      buyerId: command.buyerId,
      shopId: command.shopId,
      currency: command.currency,
      items: command.items,
      itemsTotal,
      shippingFee: command.shippingFee,
      total,
      paymentMethod: command.paymentMethod,
      address: command.address,
      shipWithinHours: command.shipWithinHours,
      status: online ? 'awaiting_payment' : 'awaiting_shipment',
      placedAt: command.at,
      payBy: online ? addHours(command.at, unpaidAutoCloseHours) : undefined,
      paymentReminderAt: online ? addHours(command.at, paymentReminderAfterHours) : undefined,
      // COD: nothing to wait for, the merchant's ship-by window starts at placement.
      shipBy: online ? undefined : addHours(command.at, command.shipWithinHours ?? shipWithinHours),
      rulebookVersion: rulebook.version,
    }),
  ];
}

/** The replacement of an exchange costs the buyer nothing: it awaits shipment at once, with the rulebook's ship-by window. */
export function decidePlaceReplacementOrder(command: PlaceReplacementOrder, state: OrderState, rulebook: Rulebook): OrderEvent[] {
  if (state !== null) {
    if (state.exchangeRefundId === command.exchangeRefundId) return [];
    throw illegalTransition('placing the order again', state.status, 'order.already_placed');
  }
  if (command.items.length === 0) throw invalid('a replacement order needs at least one item', [{ field: '/items', message: 'empty' }]);
  const items = command.items.map((item) => ({ ...item, unitPrice: 0 }));
  return [
    orderEvent('OrderPlaced', {
      orderId: command.orderId,
      buyerId: command.buyerId,
      shopId: command.shopId,
      currency: command.currency,
      items,
      itemsTotal: 0,
      shippingFee: 0,
      total: 0,
      paymentMethod: 'online',
      address: command.address,
      status: 'awaiting_shipment',
      placedAt: command.at,
      shipBy: addHours(command.at, rulebook.order.shipWithinHours),
      rulebookVersion: rulebook.version,
      replacesOrderId: command.replacesOrderId,
      exchangeRefundId: command.exchangeRefundId,
    }),
  ];
}

/** Totals in minor units; refuses what would make money ambiguous (fractions, negatives, overflow, duplicate skus). */
function priceOf(command: PlaceOrder): { itemsTotal: number; total: number } {
  const errors: FieldError[] = [];
  if (command.items.length === 0) errors.push({ field: '/items', message: 'an order needs at least one item' });
  const seen = new Set<string>();
  command.items.forEach((item, i) => {
    if (seen.has(item.sku)) errors.push({ field: `/items/${i}/sku`, message: `sku ${item.sku} appears twice` });
    seen.add(item.sku);
    if (!Number.isInteger(item.quantity) || item.quantity < 1)
      errors.push({ field: `/items/${i}/quantity`, message: 'must be an integer ≥ 1' });
    if (!Number.isInteger(item.unitPrice) || item.unitPrice < 0)
      errors.push({ field: `/items/${i}/unitPrice`, message: 'must be an integer ≥ 0 (minor units)' });
  });
  if (!Number.isInteger(command.shippingFee) || command.shippingFee < 0) {
    errors.push({ field: '/shippingFee', message: 'must be an integer ≥ 0 (minor units)' });
  }
  if (command.shipWithinHours !== undefined && !(command.shipWithinHours > 0)) {
    errors.push({ field: '/shipWithinHours', message: 'must be > 0' });
  }
  const itemsTotal = command.items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  const total = itemsTotal + command.shippingFee;
  if (errors.length === 0 && !Number.isSafeInteger(total)) errors.push({ field: '/items', message: 'the order total is too large' });
  if (errors.length > 0) throw invalid('the order is invalid', errors);
  return { itemsTotal, total };
}
