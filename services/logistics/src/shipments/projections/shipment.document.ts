import type { TrackingStatus } from '@aftersales/contracts';
import { currentTrackingStatus, type ShipmentState } from '../domain';

export const SHIPMENTS_COLLECTION = 'shipments';

export const shipmentStreamId = (shipmentId: string): string => `shipment-${shipmentId}`;

/** GET /shipments/{id} and every command response: the folded shipment, its carrier status and tracking history. */
export type ShipmentView = Omit<ShipmentState, 'shipmentId'> & {
  id: string;
  /** Latest carrier status by carrier time; `delivered` sticks (see the decider). */
  trackingStatus?: TrackingStatus;
  revision: number;
};

/** The view without its revision (commandResponse adds it from the command result). */
export type ShipmentBody = Omit<ShipmentView, 'revision'>;

export function shipmentBody(state: ShipmentState): ShipmentBody {
  if (state.status === 'none') throw new Error('a shipment command left no shipment behind');
  const { shipmentId, ...rest } = state;
  const trackingStatus = currentTrackingStatus(state);
  return { id: shipmentId, ...rest, ...(trackingStatus ? { trackingStatus } : {}) };
}

export const toShipmentView = (state: ShipmentState, revision: number): ShipmentView => ({ ...shipmentBody(state), revision });

export function shipmentStateOf(view: ShipmentView): ShipmentState {
  const { id, trackingStatus: _trackingStatus, revision: _revision, ...rest } = view;
  return { ...rest, shipmentId: id };
}
