import type { OrderEvent, OrderEventData, OrderEventType } from '@aftersales/contracts';
import { addDays, addHours, withoutUndefined } from '@aftersales/kernel';
import { address, hoursAfterT0, ORDER_ID, ORDER_TOTAL, placeOrder, rulebook, T0 } from './order-fixtures';

/*
 * The order's events exactly as the decider writes them, for histories stated as facts:
 * `deciderSpec(orderDecider).given([orderPlaced(), orderPaid()]).when(ship()).then([orderShipped()])`.
 * Each builder's defaults are the event the matching command fixture decides on the usual history (placeOrder() at T0,
 * pay() at 1 h, ship() at 24 h, …); a field a test names overrides its default, and the fields computed from it follow.
 */

type Data<T extends OrderEventType> = OrderEventData<T>;

const orderEvent = <T extends OrderEventType>(type: T, data: Data<T>): OrderEvent => ({ type, data: withoutUndefined(data) }) as OrderEvent;

const ofTheOrder = { orderId: ORDER_ID, shopId: 'shop-1' };
const theTotal = { amount: ORDER_TOTAL, currency: 'CNY' };
const ITEMS_TOTAL = ORDER_TOTAL - 1000;
const SHIP_WITHIN_HOURS = 72;
const AUTO_CONFIRM_DAYS = 10;

/** placeOrder(): online, awaiting payment, payBy at 72 h and the reminder at 12 h. */
export const orderPlaced = (overrides: Partial<Data<'OrderPlaced'>> = {}): OrderEvent =>
  orderEvent('OrderPlaced', {
    orderId: ORDER_ID,
    buyerId: 'buyer-1',
    shopId: 'shop-1',
    currency: 'CNY',
    items: placeOrder().items,
    itemsTotal: ITEMS_TOTAL,
    shippingFee: 1000,
    total: ORDER_TOTAL,
    paymentMethod: 'online',
    address,
    status: 'awaiting_payment',
    placedAt: T0,
    payBy: hoursAfterT0(72),
    paymentReminderAt: hoursAfterT0(12),
    rulebookVersion: rulebook.version,
    ...overrides,
  });

/** placeOrder({ paymentMethod: 'cod', shipWithinHours }): awaiting shipment at once, shipBy counted from placement. */
export const codOrderPlaced = (shipWithinHours?: number): OrderEvent =>
  orderPlaced({
    paymentMethod: 'cod',
    status: 'awaiting_shipment',
    shipWithinHours,
    payBy: undefined,
    paymentReminderAt: undefined,
    shipBy: addHours(T0, shipWithinHours ?? SHIP_WITHIN_HOURS),
  });

/** The free replacement order of exchange rfd_exchange1 for ord_original: awaiting shipment at once, shipBy at 72 h. */
export const replacementOrderPlaced = (overrides: Partial<Data<'OrderPlaced'>> = {}): OrderEvent =>
  orderPlaced({
    items: [{ sku: 'shirt-l', title: 'Shirt L', quantity: 1, unitPrice: 0, category: 'apparel' }],
    itemsTotal: 0,
    shippingFee: 0,
    total: 0,
    status: 'awaiting_shipment',
    payBy: undefined,
    paymentReminderAt: undefined,
    shipBy: addHours(T0, SHIP_WITHIN_HOURS),
    replacesOrderId: 'ord_original',
    exchangeRefundId: 'rfd_exchange1',
    ...overrides,
  });

/** pay(): the total paid at 1 h, shipBy 72 h later (the rulebook's window unless `shipWithinSource: 'agreed'`). */
export const orderPaid = ({ paidAt = hoursAfterT0(1), shipWithinHours = SHIP_WITHIN_HOURS, ...rest }: Partial<Data<'OrderPaid'>> = {}) =>
  orderEvent('OrderPaid', {
    ...ofTheOrder,
    ...theTotal,
    paymentRef: 'pay-1',
    paidAt,
    shipWithinHours,
    shipWithinSource: 'rulebook',
    shipBy: addHours(paidAt, shipWithinHours),
    rulebookVersion: rulebook.version,
    ...rest,
  });

/** The reminder timer on an unpaid orderPlaced(), recorded when it was due (12 h). */
export const paymentReminderDue = (overrides: Partial<Data<'PaymentReminderDue'>> = {}) =>
  orderEvent('PaymentReminderDue', {
    orderId: ORDER_ID,
    buyerId: 'buyer-1',
    shopId: 'shop-1',
    amountDue: ORDER_TOTAL,
    currency: 'CNY',
    reminderAt: hoursAfterT0(12),
    payBy: hoursAfterT0(72),
    recordedAt: hoursAfterT0(12),
    rulebookVersion: rulebook.version,
    ...overrides,
  });

const orderClosed = (
  data: Pick<Data<'OrderClosed'>, 'reason' | 'previousStatus' | 'closedAt' | 'paidAmount'> & Partial<Data<'OrderClosed'>>,
) => orderEvent('OrderClosed', { ...ofTheOrder, currency: 'CNY', ...data });

/** cancel(): the unpaid order cancelled at 2 h. */
export const orderCancelled = (overrides: Partial<Data<'OrderClosed'>> = {}) =>
  orderClosed({
    reason: 'cancelled',
    previousStatus: 'awaiting_payment',
    closedAt: hoursAfterT0(2),
    paidAmount: 0,
    cancellationReason: 'changed my mind',
    ...overrides,
  });

/** The unpaid-close timer at payBy (72 h). */
export const orderClosedUnpaid = (overrides: Partial<Data<'OrderClosed'>> = {}) =>
  orderClosed({
    reason: 'unpaid_timeout',
    previousStatus: 'awaiting_payment',
    closedAt: hoursAfterT0(72),
    paidAmount: 0,
    payBy: hoursAfterT0(72),
    rulebookVersion: rulebook.version,
    ...overrides,
  });

/** closeRefunded(): the paid order refunded in full, closed at 30 h. */
export const orderClosedRefunded = (overrides: Partial<Data<'OrderClosed'>> = {}) =>
  orderClosed({
    reason: 'refunded_in_full',
    previousStatus: 'awaiting_shipment',
    closedAt: hoursAfterT0(30),
    paidAmount: ORDER_TOTAL,
    refundedAmount: ORDER_TOTAL,
    ...overrides,
  });

/** A shipped COD order closes with its parcel back at the merchant (returnParcel() at 96 h). */
export const orderClosedReturned = (overrides: Partial<Data<'OrderClosed'>> = {}) =>
  orderClosed({ reason: 'returned_to_merchant', previousStatus: 'shipped', closedAt: hoursAfterT0(96), paidAmount: 0, ...overrides });

/** The ship-by check on the paid order of orderPaid(): not dispatched by shipBy (73 h). */
export const shipByDeadlineMissed = (overrides: Partial<Data<'ShipByDeadlineMissed'>> = {}) =>
  orderEvent('ShipByDeadlineMissed', {
    ...ofTheOrder,
    buyerId: 'buyer-1',
    shipBy: hoursAfterT0(1 + SHIP_WITHIN_HOURS),
    detectedAt: hoursAfterT0(1 + SHIP_WITHIN_HOURS),
    paymentMethod: 'online',
    paidAmount: ORDER_TOTAL,
    itemsTotal: ITEMS_TOTAL,
    shippingFee: 1000,
    total: ORDER_TOTAL,
    currency: 'CNY',
    rulebookVersion: rulebook.version,
    ...overrides,
  });

/** ship(): parcel shp-1 dispatched at 24 h, before the shipBy of orderPaid(); receipt auto-confirmed 10 days after dispatch. */
export const orderShipped = ({
  shipmentId = 'shp-1',
  dispatchedAt = hoursAfterT0(24),
  autoConfirmReceiptDays = AUTO_CONFIRM_DAYS,
  ...rest
}: Partial<Data<'OrderShipped'>> = {}) =>
  orderEvent('OrderShipped', {
    orderId: ORDER_ID,
    shipmentId,
    carrier: 'sf',
    trackingNo: `SF-${shipmentId}`,
    dispatchedAt,
    shipBy: hoursAfterT0(1 + SHIP_WITHIN_HOURS),
    late: false,
    autoConfirmAt: addDays(dispatchedAt, autoConfirmReceiptDays),
    autoConfirmReceiptDays,
    rulebookVersion: rulebook.version,
    ...rest,
  });

/** deliver(): parcel shp-1 delivered at 48 h. */
export const orderDelivered = (overrides: Partial<Data<'OrderDelivered'>> = {}) =>
  orderEvent('OrderDelivered', { orderId: ORDER_ID, shipmentId: 'shp-1', deliveredAt: hoursAfterT0(48), ...overrides });

/** deliver() of a COD order: the carrier collected the total at delivery (48 h). */
export const cashOnDeliveryCollected = (overrides: Partial<Data<'CashOnDeliveryCollected'>> = {}) =>
  orderEvent('CashOnDeliveryCollected', { ...ofTheOrder, shipmentId: 'shp-1', ...theTotal, collectedAt: hoursAfterT0(48), ...overrides });

/** returnParcel(): parcel shp-1 of the paid online order refused and back at 96 h. */
export const orderReturnedToMerchant = (overrides: Partial<Data<'OrderReturnedToMerchant'>> = {}) =>
  orderEvent('OrderReturnedToMerchant', {
    orderId: ORDER_ID,
    shipmentId: 'shp-1',
    reason: 'refused',
    paymentMethod: 'online',
    paidAmount: ORDER_TOTAL,
    returnedAt: hoursAfterT0(96),
    ...overrides,
  });

/** confirmReceipt(): the buyer confirms at 72 h the order of orderShipped() (auto-confirm due at 264 h). */
export const receiptConfirmed = (overrides: Partial<Data<'ReceiptConfirmed'>> = {}) =>
  orderEvent('ReceiptConfirmed', {
    ...ofTheOrder,
    confirmedBy: 'buyer',
    confirmedAt: hoursAfterT0(72),
    autoConfirmAt: hoursAfterT0(24 + 24 * AUTO_CONFIRM_DAYS),
    ...overrides,
  });

/** note(text): the first note, by agent-7 at 3 h. */
export const noteAdded = (text: string, overrides: Partial<Data<'OrderNoteAdded'>> = {}) =>
  orderEvent('OrderNoteAdded', { orderId: ORDER_ID, noteNo: 1, text, agentId: 'agent-7', addedAt: hoursAfterT0(3), ...overrides });

/** changeAddress(next): from the placed address, at 2 h. */
export const shippingAddressChanged = (next: Data<'ShippingAddressChanged'>['address'], changedAt = hoursAfterT0(2)) =>
  orderEvent('ShippingAddressChanged', { orderId: ORDER_ID, previousAddress: address, address: next, changedAt });

/** requestInvoice(): titled Li Lei, at 2 h. */
export const invoiceRequested = (overrides: Partial<Data<'InvoiceRequested'>> = {}) =>
  orderEvent('InvoiceRequested', { orderId: ORDER_ID, title: 'Li Lei', requestedAt: hoursAfterT0(2), ...overrides });

/** issueInvoice() on invoiceRequested(): INV-1 for the order total, at 30 h. */
export const invoiceIssued = (overrides: Partial<Data<'InvoiceIssued'>> = {}) =>
  orderEvent('InvoiceIssued', {
    ...ofTheOrder,
    invoiceNo: 'INV-1',
    title: 'Li Lei',
    ...theTotal,
    issuedAt: hoursAfterT0(30),
    ...overrides,
  });

/* The usual histories. */

/** orderPlaced() and orderPaid(): awaiting shipment, shipBy at 73 h. */
export const paidOrder = (): OrderEvent[] => [orderPlaced(), orderPaid()];

/** codOrderPlaced(): awaiting shipment, shipBy at 72 h, nothing paid. */
export const codOrder = (): OrderEvent[] => [codOrderPlaced()];

/** paidOrder() and orderShipped(): parcel shp-1 on its way since 24 h. */
export const shippedOrder = (): OrderEvent[] => [...paidOrder(), orderShipped()];

/** codOrder() and its parcel shp-1 on its way since 24 h. */
export const shippedCodOrder = (): OrderEvent[] => [...codOrder(), orderShipped({ shipBy: hoursAfterT0(SHIP_WITHIN_HOURS) })];

/** shippedOrder() and orderDelivered() at 48 h. */
export const deliveredOrder = (): OrderEvent[] => [...shippedOrder(), orderDelivered()];

/** lockAddress(): the address frozen for shp-1 at 20 h. */
export const shippingAddressLocked = (overrides: Partial<Data<'ShippingAddressLocked'>> = {}) =>
  orderEvent('ShippingAddressLocked', { orderId: ORDER_ID, shipmentId: 'shp-1', address, lockedAt: hoursAfterT0(20), ...overrides });

export const shippingAddressUnlocked = (overrides: Partial<Data<'ShippingAddressUnlocked'>> = {}) =>
  orderEvent('ShippingAddressUnlocked', { orderId: ORDER_ID, shipmentId: 'shp-1', reason: 'shipment_cancelled', unlockedAt: hoursAfterT0(21), ...overrides });
