/** Commands on an order's refund allowance; each carries `at` like every command. */
interface AllowanceCommandBase<T extends string> {
  type: T;
  orderId: string;
  at: string;
}

/** What the order topic reported about the payment (OrderPaid, or CashOnDeliveryCollected for cash on delivery). */
export interface OrderPayment {
  shopId: string;
  paidAmount: number;
  currency: string;
  sourceEventId: string;
}

/** A refund request holds `amount` before it is recorded; refused beyond what can still be refunded. */
export interface ReserveRefund extends AllowanceCommandBase<'ReserveRefund'> {
  refundId: string;
  amount: number;
  /** Opens the allowance with the first reservation; afterwards the stream's own record of the payment counts. */
  payment?: OrderPayment;
}

export interface ReleaseReservation extends AllowanceCommandBase<'ReleaseReservation'> {
  refundId: string;
  reason: 'request_cancelled' | 'request_closed' | 'request_not_recorded';
  sourceEventId?: string;
}

/** RefundPaid: the reserved amount became a refunded amount. */
export interface SettleRefund extends AllowanceCommandBase<'SettleRefund'> {
  refundId: string;
  amount: number;
  payoutId: string;
  sourceEventId: string;
}

/**
 * Fired a while after a reservation: releases it when its request was never recorded (a crash between the
 * reservation and the request). `requestRecorded` is looked up by the application.
 */
export interface ReleaseOrphanReservation extends AllowanceCommandBase<'ReleaseOrphanReservation'> {
  refundId: string;
  requestRecorded: boolean;
}

export type AllowanceCommand = ReserveRefund | ReleaseReservation | SettleRefund | ReleaseOrphanReservation;
