import type { TrackingStatus } from '@aftersales/contracts';
import type { ShipmentState, TrackingEntry } from './shipment-state';

const timeOf = (iso: string): number => Date.parse(iso);

/**
 * Inserts a scan keeping the history sorted by carrier time. A scan that arrives late lands where it
 * happened; scans with equal times keep their arrival order.
 */
export function insertByOccurredAt(history: readonly TrackingEntry[], entry: TrackingEntry): TrackingEntry[] {
  const at = timeOf(entry.occurredAt);
  let index = history.length;
  while (index > 0 && timeOf(history[index - 1].occurredAt) > at) index--;
  return [...history.slice(0, index), entry, ...history.slice(index)];
}

export const hasScan = (state: ShipmentState, carrierEventId: string): boolean =>
  state.tracking.some((e) => e.carrierEventId === carrierEventId);

export const latestScan = (state: ShipmentState): TrackingEntry | undefined => state.tracking[state.tracking.length - 1];

/**
 * The carrier status shown for the shipment: the latest scan by carrier time, except that a delivered
 * shipment stays delivered whatever later (or late) scans say.
 */
export function currentTrackingStatus(state: ShipmentState): TrackingStatus | undefined {
  if (state.status === 'delivered') return 'delivered';
  return latestScan(state)?.status;
}
