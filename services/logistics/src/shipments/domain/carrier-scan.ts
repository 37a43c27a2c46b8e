import type { ShipmentExceptionKind, TrackingStatus } from '@aftersales/contracts';

/** What a carrier scan means for the shipment, beyond being recorded in its history. */
export interface ScanMeaning {
  /** The parcel is in the carrier's hands: if the shipment was not dispatched yet, this scan dispatches it. */
  inCarrierHands: boolean;
  delivered: boolean;
  /** Back at the sender (AfterShip Exception_011). */
  returnedToSender: boolean;
  /** A delivery problem to raise, if the scan reports one. */
  exceptionKind?: ShipmentExceptionKind;
}

/** Statuses that mean the carrier has the parcel; info_received (label data only) and expired do not. */
const IN_CARRIER_HANDS: ReadonlySet<TrackingStatus> = new Set([
  'in_transit',
  'out_for_delivery',
  'attempt_fail',
  'available_for_pickup',
  'delivered',
  'exception',
]);

/**
 * Exception sub-statuses we act on: AfterShip subtag codes and plain aliases for carriers that send words.
 * `returning` is the parcel on its way back: recorded, not raised (the return itself ends the shipment).
 */
const EXCEPTION_SUB_STATUSES: Record<string, ShipmentExceptionKind | 'returning' | 'returned'> = {
  exception_003: 'refused',
  refused: 'refused',
  exception_012: 'damaged',
  damaged: 'damaged',
  exception_013: 'lost',
  lost: 'lost',
  exception_010: 'returning',
  returning_to_sender: 'returning',
  exception_011: 'returned',
  returned_to_sender: 'returned',
};

export function meaningOf(status: TrackingStatus, subStatus?: string): ScanMeaning {
  const meaning: ScanMeaning = {
    inCarrierHands: IN_CARRIER_HANDS.has(status),
    delivered: status === 'delivered',
    returnedToSender: false,
  };
  if (status !== 'exception') return meaning;
  const known = subStatus === undefined ? undefined : EXCEPTION_SUB_STATUSES[subStatus.trim().toLowerCase()];
  if (known === 'returned') return { ...meaning, returnedToSender: true };
  if (known === 'returning') return meaning;
  return { ...meaning, exceptionKind: known ?? 'other' };
}
