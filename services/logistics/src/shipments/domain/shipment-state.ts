import type { ShipmentDirection, ShipmentExceptionKind, TrackingStatus } from '@aftersales/contracts';

/**
 * Lifecycle of a shipment. `dispatched` covers everything between leaving the sender and an end:
 * in transit, out for delivery, failed attempts and open exceptions (see `exceptions`, `trackingStatus`).
 * `delivered`, `returned` and `cancelled` are terminal.
 */
export type ShipmentStatus = 'none' | 'created' | 'dispatched' | 'delivered' | 'returned' | 'cancelled';

export type MilestoneTrigger = 'manual' | 'carrier_scan';
export type ReturnReason = 'refused' | 'undeliverable' | 'other';

/** One carrier scan as we keep it in the tracking history. */
export interface TrackingEntry {
  carrierEventId: string;
  status: TrackingStatus;
  subStatus?: string;
  /** Carrier time of the scan: the history is ordered by it. */
  occurredAt: string;
  location?: string;
  description?: string;
  receivedAt: string;
}

export interface ExceptionRecord {
  kind: ShipmentExceptionKind;
  reportedAt: string;
  trigger: MilestoneTrigger;
  carrierEventId?: string;
  subStatus?: string;
  detail?: string;
}

export interface ShipmentState {
  status: ShipmentStatus;
  shipmentId: string;
  orderId: string;
  direction: ShipmentDirection;
  refundId?: string;
  carrier: string;
  trackingNo: string;
  createdAt?: string;
  labelPrintedAt?: string;
  dispatchedAt?: string;
  dispatchTrigger?: MilestoneTrigger;
  deliveredAt?: string;
  returnedAt?: string;
  returnReason?: ReturnReason;
  cancelledAt?: string;
  cancelReason?: string;
  /** Deadline for delivery or return, set at dispatch from the rulebook. */
  trackingExpiresAt?: string;
  trackingExpiredAt?: string;
  /** Rulebook version the tracking deadline was computed with. */
  rulebookVersion?: string;
  exceptions: ExceptionRecord[];
  /** Carrier scans sorted by occurredAt; scans with the same time stay in arrival order. */
  tracking: TrackingEntry[];
}

export const initialShipmentState: ShipmentState = {
  status: 'none',
  shipmentId: '',
  orderId: '',
  direction: 'outbound',
  carrier: '',
  trackingNo: '',
  exceptions: [],
  tracking: [],
};

/** The goods left the sender and the shipment has not ended: carrier scans can still move it on. */
export const isUnderway = (state: ShipmentState): boolean => state.status === 'dispatched';

/** A shipment that still stands for the order's goods: a second outbound one would ship them twice. */
export const isActiveOutbound = (state: Pick<ShipmentState, 'direction' | 'status' | 'exceptions'>): boolean =>
  state.direction === 'outbound' &&
  (state.status === 'created' || state.status === 'dispatched') &&
  !state.exceptions.some((e) => e.kind === 'lost');
