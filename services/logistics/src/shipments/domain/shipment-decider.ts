import type { LogisticsEvent } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { recordCarrierEvent } from './decide-carrier-event';
import { createReissueShipment, createReturnShipment, createShipment } from './decide-creation';
import { cancel, dispatch, expireTracking, markReturned, printLabel, reportException } from './decide-lifecycle';
import { evolveShipment } from './evolve-shipment';
import type { ShipmentCommand } from './shipment-commands';
import { initialShipmentState, type ShipmentState } from './shipment-state';

/*
 * One shipment, outbound or return. Decisions worth knowing:
 * - Carrier events are idempotent on the carrier's event id: a scan already in the history appends nothing.
 * - Scans may arrive out of order: the history is kept sorted by carrier time, and milestones are facts that
 *   happen once. Delivered, returned and cancelled are terminal: a late or later scan is recorded but moves
 *   nothing back, so there is exactly one ShipmentDelivered.
 * - A scan that shows the parcel in the carrier's hands before anyone dispatched the shipment (merchants forget
 *   to press 发货) dispatches it at the scan's time, so the order passes through shipped before delivered.
 * - Exceptions are raised at most once per kind, never after delivery. A returned-to-sender scan ends an
 *   outbound shipment (ShipmentReturned); reason `refused` when a refusal was reported before.
 */

function decide(command: ShipmentCommand, state: ShipmentState): LogisticsEvent[] {
  switch (command.type) {
    case 'CreateShipment':
      return createShipment(command, state);
    case 'CreateReturnShipment':
      return createReturnShipment(command, state);
    case 'CreateReissueShipment':
      return createReissueShipment(command, state);
    case 'PrintLabel':
      return printLabel(command, state);
    case 'DispatchShipment':
      return dispatch(command, state);
    case 'RecordCarrierEvent':
      return recordCarrierEvent(command, state);
    case 'ReportShipmentException':
      return reportException(command, state);
    case 'MarkShipmentReturned':
      return markReturned(command, state);
    case 'CancelShipment':
      return cancel(command, state);
    case 'ExpireTracking':
      return expireTracking(command, state);
  }
}

export const shipmentDecider: Decider<ShipmentCommand, ShipmentState, LogisticsEvent> = {
  initialState: initialShipmentState,
  decide,
  evolve: evolveShipment,
};
