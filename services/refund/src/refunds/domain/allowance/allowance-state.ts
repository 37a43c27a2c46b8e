/**
 * The refund allowance of one order (stream `refund-allowance-<orderId>`). Invariant, kept by the decider and by
 * appending every change with the stream's expected revision: reservedTotal + refundedTotal ≤ paidAmount.
 */
export interface RefundAllowance {
  orderId: string;
  shopId: string;
  currency: string;
  paidAmount: number;
  /** Open reservations by refund id. */
  reservations: Record<string, number>;
  /** Refunds paid, by refund id. */
  settled: Record<string, number>;
  /** Refund ids whose reservation was given back: they may not reserve again. */
  released: string[];
  reservedTotal: number;
  refundedTotal: number;
}

/** `null` until the order's payment is known. */
export type AllowanceState = RefundAllowance | null;

export const initialAllowanceState: AllowanceState = null;

/** What can still be reserved: paid − reserved − refunded (0 when nothing was paid yet). */
export const refundableOf = (state: AllowanceState): number =>
  state === null ? 0 : Math.max(0, state.paidAmount - state.reservedTotal - state.refundedTotal);
