import type { ShipmentExceptionKind, TrackingStatus } from '@aftersales/contracts';
import type { ReturnReason } from './shipment-state';

/**
 * What the logistics service knows about the order, from the order topic. `unknown`: no order event seen.
 * The order's own statuses otherwise (awaiting_shipment covers paid online orders and cash-on-delivery orders).
 */
export type KnownOrderStatus = 'unknown' | 'awaiting_payment' | 'awaiting_shipment' | 'shipped' | 'delivered' | 'completed' | 'closed';

/** The rulebook parameters a shipment decision uses, with the version they come from. */
export interface TrackingRules {
  version: string;
  trackingExpiredAfterDays: number;
  /**
   * How far a carrier's clock may differ from the platform's (rulebook `logistics.carrierClockSkewMinutes`, since
   * 2026-12-v3): a scan dated before the dispatch or ahead of the platform's clock beyond it is implausible. Absent
   * (older rulebooks): carrier times are not checked.
   */
  carrierClockSkewMinutes?: number;
}

/**
 * Facts from outside the shipment stream, looked up by the application before deciding. The decider
 * applies the rules; the lookups are as fresh as the read models (see the application's notes).
 */
export interface CreateShipment {
  type: 'CreateShipment';
  shipmentId: string;
  orderId: string;
  carrier: string;
  trackingNo: string;
  at: string;
  orderStatus: KnownOrderStatus;
  /** Another outbound shipment of the order that is still active, if any. */
  activeOutboundShipmentId?: string;
  /** The shipment that already uses this carrier + tracking number, if any. */
  trackingNoUsedBy?: string;
}

export interface CreateReturnShipment {
  type: 'CreateReturnShipment';
  shipmentId: string;
  orderId: string;
  refundId: string;
  carrier: string;
  trackingNo: string;
  at: string;
  trackingNoUsedBy?: string;
  /** The buyer already handed the parcel to the carrier (they register the tracking number afterwards). */
  handedOverAt?: string;
  rules: TrackingRules;
}

/** A reissue (补发) for a refund: an outbound parcel sent again for an order that already shipped; the order does not follow it. */
export interface CreateReissueShipment {
  type: 'CreateReissueShipment';
  shipmentId: string;
  orderId: string;
  refundId: string;
  carrier: string;
  trackingNo: string;
  at: string;
  trackingNoUsedBy?: string;
}

export interface PrintLabel {
  type: 'PrintLabel';
  at: string;
}

export interface DispatchShipment {
  type: 'DispatchShipment';
  at: string;
  rules: TrackingRules;
  /** The shipment the order froze its address for, as logistics' view of the order topic last saw it. */
  addressLockedFor?: string;
}

export interface RecordCarrierEvent {
  type: 'RecordCarrierEvent';
  carrierEventId: string;
  status: TrackingStatus;
  subStatus?: string;
  occurredAt: string;
  location?: string;
  description?: string;
  /** When we received it. */
  at: string;
  rules: TrackingRules;
}

export interface ReportShipmentException {
  type: 'ReportShipmentException';
  kind: ShipmentExceptionKind;
  detail?: string;
  at: string;
}

export interface MarkShipmentReturned {
  type: 'MarkShipmentReturned';
  reason: ReturnReason;
  note?: string;
  at: string;
}

export interface CancelShipment {
  type: 'CancelShipment';
  reason: string;
  at: string;
}

/** Fired by the tracking-expiry timer; re-checks the state, so a delivered shipment ignores it. */
export interface ExpireTracking {
  type: 'ExpireTracking';
  at: string;
}

export type ShipmentCommand =
  | CreateShipment
  | CreateReturnShipment
  | CreateReissueShipment
  | PrintLabel
  | DispatchShipment
  | RecordCarrierEvent
  | ReportShipmentException
  | MarkShipmentReturned
  | CancelShipment
  | ExpireTracking;
