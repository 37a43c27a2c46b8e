import type { CompensationKind } from '@aftersales/contracts';

/** One late-shipment compensation per order: the id is derived from the order, so a second decision is the same stream. */
export const lateShipmentCompensationId = (orderId: string): string => `cmp_late_${orderId}`;

/**
 * One decision per order and kind (goodwill aside): the id of every rule-computed kind is derived from the order and
 * the kind, so a second decision meets the first one's stream (appended with expected `no_stream`) and is refused.
 * Goodwill remedies are many per order: they get a fresh id (undefined here).
 */
export function compensationIdOf(orderId: string, kind: CompensationKind): string | undefined {
  if (kind === 'goodwill') return undefined;
  if (kind === 'late_shipment') return lateShipmentCompensationId(orderId);
  return `cmp_${kind}_${orderId}`;
}

export const compensationStreamId = (compensationId: string): string => `compensation-${compensationId}`;

/** The payout of a compensation: one per compensation, the provider's idempotency key. */
export const compensationPayoutId = (compensationId: string): string => `payout-compensation-${compensationId}`;
