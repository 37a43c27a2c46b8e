/** One late-shipment compensation per order: the id is derived from the order, so a second decision is the same stream. */
export const lateShipmentCompensationId = (orderId: string): string => `cmp_late_${orderId}`;

export const compensationStreamId = (compensationId: string): string => `compensation-${compensationId}`;

/** The payout of a compensation: one per compensation, the provider's idempotency key. */
export const compensationPayoutId = (compensationId: string): string => `payout-compensation-${compensationId}`;
