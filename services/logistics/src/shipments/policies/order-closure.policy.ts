import type { EventEnvelope } from '@aftersales/contracts';

/** The shipments an order event calls to cancel: those of the order that never left, with the reason they record. */
export interface UndispatchedCancellation {
  orderId: string;
  reason: string;
}

/** Closing an order before dispatch (e.g. refunded in full) cancels its shipments that never left; no other order event does. */
export function undispatchedCancellationOf(event: Pick<EventEnvelope, 'type' | 'data'>): UndispatchedCancellation | undefined {
  if (event.type !== 'OrderClosed') return undefined;
  const { orderId, reason } = event.data as { orderId: string; reason?: string };
  return { orderId, reason: `order closed: ${reason ?? 'unknown'}` };
}
