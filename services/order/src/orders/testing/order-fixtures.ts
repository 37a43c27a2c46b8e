import { currentRulebook, type Rulebook, type ShippingAddress } from '@aftersales/contracts';
import { addHours } from '@aftersales/kernel';
import type { PlaceOrderInput } from '../application';
import type { AfterSalesCase, OrderCommand, PlaceOrder } from '../domain';

export const rulebook = currentRulebook();
export const ORDER_ID = 'ord_test1';
export const T0 = '2026-11-02T08:00:00.000Z';
export const hoursAfterT0 = (hours: number): string => addHours(T0, hours);

export const address: ShippingAddress = {
  name: 'Li Lei',
  phone: '13800000000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  street: '1 Wensan Road',
};

/** 2 × 128.00 + 1 × 35.50 goods, 10.00 shipping: total 301.50 CNY. */
export const placeOrder = (overrides: Partial<PlaceOrder> = {}): PlaceOrder => ({
  type: 'PlaceOrder',
  orderId: ORDER_ID,
  buyerId: 'buyer-1',
  shopId: 'shop-1',
  currency: 'CNY',
  items: [
    { sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 2, unitPrice: 12800, category: 'food' },
    { sku: 'cup', title: 'Tea cup', quantity: 1, unitPrice: 3550 },
  ],
  shippingFee: 1000,
  paymentMethod: 'online',
  address,
  at: T0,
  ...overrides,
});
export const ORDER_TOTAL = 2 * 12800 + 3550 + 1000;

/** The same order as the service's callers send it (ORDER_TOTAL). */
export const placeOrderInput: PlaceOrderInput = {
  buyerId: 'buyer-1',
  shopId: 'shop-1',
  items: [
    { sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 2, unitPrice: 12800 },
    { sku: 'cup', title: 'Tea cup', quantity: 1, unitPrice: 3550 },
  ],
  shippingFee: 1000,
  paymentMethod: 'online',
  address,
};

/** What an order shows when it replaces one cup of placeOrderInput for exchange rfd_x1: a copy at no charge. */
export const replacementOfOneCup = (replacesOrderId: string) => ({
  status: 'awaiting_shipment',
  buyerId: 'buyer-1',
  shopId: 'shop-1',
  address,
  items: [{ sku: 'cup', title: 'Tea cup', quantity: 1, unitPrice: 0 }],
  total: 0,
  replacesOrderId,
  exchangeRefundId: 'rfd_x1',
});

type Cmd<T extends OrderCommand['type']> = Extract<OrderCommand, { type: T }>;
const command = <T extends OrderCommand['type']>(type: T, fields: Omit<Cmd<T>, 'type' | 'orderId'>): Cmd<T> =>
  ({ type, orderId: ORDER_ID, ...fields }) as Cmd<T>;

export const pay = (at = hoursAfterT0(1), amount = ORDER_TOTAL, paymentRef = 'pay-1') => command('PayOrder', { amount, paymentRef, at });
export const ship = (dispatchedAt = hoursAfterT0(24), shipmentId = 'shp-1') =>
  command('MarkShipped', { shipmentId, carrier: 'sf', trackingNo: `SF-${shipmentId}`, dispatchedAt, at: dispatchedAt });
export const deliver = (deliveredAt = hoursAfterT0(48), shipmentId = 'shp-1') =>
  command('MarkDelivered', { shipmentId, deliveredAt, at: deliveredAt });
export const returnParcel = (returnedAt = hoursAfterT0(96), shipmentId = 'shp-1', reason: 'refused' | 'undeliverable' = 'refused') =>
  command('MarkReturned', { shipmentId, reason, returnedAt, at: returnedAt });
export const confirmReceipt = (at = hoursAfterT0(72)) => command('ConfirmReceipt', { at });
export const cancel = (at = hoursAfterT0(2), reason = 'changed my mind') => command('CancelOrder', { reason, at });
export const note = (text: string, at = hoursAfterT0(3), flag?: 'red' | 'yellow') =>
  command('AddNote', { text, agentId: 'agent-7', at, ...(flag ? { flag } : {}) });
export const changeAddress = (next: ShippingAddress, at = hoursAfterT0(2)) => command('ChangeAddress', { address: next, at });
export const requestInvoice = (title = 'Li Lei', taxId?: string, at = hoursAfterT0(2)) =>
  command('RequestInvoice', { title, at, ...(taxId ? { taxId } : {}) });
export const issueInvoice = (invoiceNo = 'INV-1', at = hoursAfterT0(30)) => command('IssueInvoice', { invoiceNo, at });
export const closeRefunded = (refundedAmount = ORDER_TOTAL, at = hoursAfterT0(30)) => command('CloseRefundedOrder', { refundedAmount, at });
export const timerCommand = (
  type: 'RecordPaymentReminder' | 'CloseUnpaidOrder' | 'CheckShipByDeadline' | 'AutoConfirmReceipt',
  at: string,
) => command(type, { at });

export const withRulebook = (order: Partial<Rulebook['order']>, version = 'test-v2'): Rulebook => ({
  ...rulebook,
  version,
  order: { ...rulebook.order, ...order },
});
export const lockAddress = (shipmentId = 'shp-1', at = hoursAfterT0(20)) => command('LockAddress', { shipmentId, at });
export const unlockAddress = (shipmentId = 'shp-1', at = hoursAfterT0(21)) => command('UnlockAddress', { shipmentId, at });
export const refundCase = (id = 'rfd-1') => ({ kind: 'refund' as const, id });
export const disputeCase = (id = 'dsp-1') => ({ kind: 'dispute' as const, id });
export const pauseAutoConfirm = (cause: AfterSalesCase = refundCase(), at = hoursAfterT0(72)) => command('PauseAutoConfirm', { cause, at });
export const resumeAutoConfirm = (cause: AfterSalesCase = refundCase(), at = hoursAfterT0(96)) => command('ResumeAutoConfirm', { cause, at });
