import type { CommandContext } from '@aftersales/kernel';

/**
 * What the refund service asks of the other services, as structural ports: in the embedded runtime the order and
 * logistics facades themselves; elsewhere a client. Every call carries a command key, so a retry appends nothing.
 */
export interface OrdersPort {
  /** An exchange's replacement order, at no charge, linked to the original. */
  placeReplacementOrder(
    input: { orderId: string; replacesOrderId: string; exchangeRefundId: string; items: { sku: string; quantity: number }[] },
    ctx: CommandContext,
  ): Promise<unknown>;
  /** Closes an order whose payment was refunded in full (undispatched shipments are then cancelled by logistics). */
  closeRefundedOrder(orderId: string, input: { refundedAmount: number }, ctx: CommandContext): Promise<unknown>;
}

export interface LogisticsPort {
  /** The buyer's return parcel (buyer → merchant), dispatched when they handed it over. */
  createReturnShipment(
    input: { orderId: string; refundId: string; carrier: string; trackingNo: string; handedOverAt?: string },
    ctx: CommandContext,
    options?: { readYourWrites?: boolean },
  ): Promise<unknown>;
  /** The merchant's reissue (补发) parcel: outbound, naming the refund. */
  createReissueShipment(
    input: { orderId: string; refundId: string; carrier: string; trackingNo: string },
    ctx: CommandContext,
    options?: { readYourWrites?: boolean },
  ): Promise<{ state: { shipmentId: string }; revision: number; eventIds: string[] }>;
}
