import type { OrderItem, OrderNoteFlag, OrderPaymentMethod, ShippingAddress } from '@aftersales/contracts';

/** Every command names its order and carries `at`, the business time it happens at (from the clock port). */
interface OrderCommandBase<T extends string> {
  type: T;
  orderId: string;
  at: string;
}

export interface PlaceOrder extends OrderCommandBase<'PlaceOrder'> {
  buyerId: string;
  shopId: string;
  currency: string;
  items: OrderItem[];
  shippingFee: number;
  paymentMethod: OrderPaymentMethod;
  /** Ship-by window agreed with the buyer, in hours. */
  shipWithinHours?: number;
  address: ShippingAddress;
  /** Since when the shop is closed for its penalty points, as the order service last heard (set by the application). */
  shopClosedSince?: string;
}

/**
 * An exchange (换货) is fulfilled by a replacement order at no charge: the buyer, shop, currency and address come
 * from the original order (the application reads it), the lines are the exchanged ones.
 */
export interface PlaceReplacementOrder extends OrderCommandBase<'PlaceReplacementOrder'> {
  replacesOrderId: string;
  exchangeRefundId: string;
  buyerId: string;
  shopId: string;
  currency: string;
  items: OrderItem[];
  address: ShippingAddress;
}

export interface PayOrder extends OrderCommandBase<'PayOrder'> {
  amount: number;
  paymentRef: string;
}

export interface CancelOrder extends OrderCommandBase<'CancelOrder'> {
  reason: string;
}

/** From the refund service once everything paid has been refunded. */
export interface CloseRefundedOrder extends OrderCommandBase<'CloseRefundedOrder'> {
  refundedAmount: number;
}

export interface AddNote extends OrderCommandBase<'AddNote'> {
  text: string;
  flag?: OrderNoteFlag;
  /** The acting agent's id (工号), taken from the command's actor. */
  agentId: string;
}

export interface ChangeAddress extends OrderCommandBase<'ChangeAddress'> {
  address: ShippingAddress;
}

export interface RequestInvoice extends OrderCommandBase<'RequestInvoice'> {
  title: string;
  taxId?: string;
}

export interface IssueInvoice extends OrderCommandBase<'IssueInvoice'> {
  invoiceNo: string;
}

export type ConfirmReceipt = OrderCommandBase<'ConfirmReceipt'>;

/** From logistics ShipmentDispatched. */
export interface MarkShipped extends OrderCommandBase<'MarkShipped'> {
  shipmentId: string;
  carrier: string;
  trackingNo: string;
  dispatchedAt: string;
}

/** From logistics ShipmentDelivered. */
export interface MarkDelivered extends OrderCommandBase<'MarkDelivered'> {
  shipmentId: string;
  deliveredAt: string;
}

/** From logistics ShipmentReturned: the parcel went back to the merchant undelivered. */
export interface MarkReturned extends OrderCommandBase<'MarkReturned'> {
  shipmentId: string;
  reason: 'refused' | 'undeliverable' | 'other';
  returnedAt: string;
}

/** From logistics ShipmentCreated (outbound): the address is frozen for this shipment (see decideLockAddress). */
export interface LockAddress extends OrderCommandBase<'LockAddress'> {
  shipmentId: string;
}

/** From logistics ShipmentCancelled (outbound, undispatched): the address may change again. */
export interface UnlockAddress extends OrderCommandBase<'UnlockAddress'> {
  shipmentId: string;
}

/** An after-sales case of another service that holds the auto-confirm clock while it is open. */
export type AfterSalesCase = { kind: 'refund' | 'dispute'; id: string };

/** From the refund or dispute topic: a case opened on the order. */
export interface PauseAutoConfirm extends OrderCommandBase<'PauseAutoConfirm'> {
  cause: AfterSalesCase;
}

/** From the refund or dispute topic: a case ended (closed, cancelled). */
export interface ResumeAutoConfirm extends OrderCommandBase<'ResumeAutoConfirm'> {
  cause: AfterSalesCase;
}

/** Fired by durable timers; each re-checks the state, so a late or repeated fire changes nothing. */
export type RecordPaymentReminder = OrderCommandBase<'RecordPaymentReminder'>;
export type CloseUnpaidOrder = OrderCommandBase<'CloseUnpaidOrder'>;
export type CheckShipByDeadline = OrderCommandBase<'CheckShipByDeadline'>;
export type AutoConfirmReceipt = OrderCommandBase<'AutoConfirmReceipt'>;

export type OrderTimerCommand = RecordPaymentReminder | CloseUnpaidOrder | CheckShipByDeadline | AutoConfirmReceipt;
export const orderTimerCommandTypes: readonly OrderTimerCommand['type'][] = [
  'RecordPaymentReminder',
  'CloseUnpaidOrder',
  'CheckShipByDeadline',
  'AutoConfirmReceipt',
];

export type OrderCommand =
  | PlaceOrder
  | PlaceReplacementOrder
  | PayOrder
  | CancelOrder
  | CloseRefundedOrder
  | AddNote
  | ChangeAddress
  | RequestInvoice
  | IssueInvoice
  | ConfirmReceipt
  | MarkShipped
  | MarkDelivered
  | MarkReturned
  | LockAddress
  | UnlockAddress
  | PauseAutoConfirm
  | ResumeAutoConfirm
  | OrderTimerCommand;
