import { DomainError, illegalTransition, withoutUndefined } from '@aftersales/kernel';
import { dispatchedEvent, exceptionEvent, hasException, shipmentMissing, type Event } from './decide-support';
import type {
  CancelShipment,
  DispatchShipment,
  ExpireTracking,
  MarkShipmentReturned,
  PrintLabel,
  ReportShipmentException,
} from './shipment-commands';
import { ShipmentRules } from './shipment-rules';
import type { ShipmentState } from './shipment-state';
import { latestScan } from './tracking-history';

/* What people (and the tracking timer) do with a shipment once it exists. */

export function printLabel(command: PrintLabel, state: ShipmentState): Event[] {
  if (state.status === 'none') throw shipmentMissing();
  if (state.status !== 'created') throw illegalTransition('printing a label', state.status);
  if (state.labelPrintedAt !== undefined) return [];
  return [
    {
      type: 'ShipmentLabelPrinted',
      data: { shipmentId: state.shipmentId, orderId: state.orderId, direction: state.direction, printedAt: command.at },
    },
  ];
}

/**
 * The other half of "no address change after dispatch" (the order's half is in decide-service-requests.ts): the order's
 * first parcel (outbound, not a refund's reissue) leaves only once the order froze its address for it. The order
 * refuses changes from its ShippingAddressLocked on, and that event is before this dispatch, so every accepted change
 * is before the dispatch. Return and reissue parcels do not carry the order's address decision.
 */
function requireAddressLocked(command: DispatchShipment, state: ShipmentState): void {
  if (state.direction !== 'outbound' || state.refundId !== undefined) return;
  if (command.addressLockedFor === state.shipmentId) return;
  throw new DomainError('conflict', ShipmentRules.addressNotLocked, `order ${state.orderId} has not yet frozen its address for this shipment; retry`, {
    currentStatus: state.status,
    orderId: state.orderId,
  });
}

export function dispatch(command: DispatchShipment, state: ShipmentState): Event[] {
  switch (state.status) {
    case 'none':
      throw shipmentMissing();
    case 'created':
      requireAddressLocked(command, state);
      return [dispatchedEvent(state, command.at, 'manual', command.rules)];
    case 'cancelled':
      throw illegalTransition('dispatching the shipment', state.status);
    default:
      // Already on its way (a carrier scan may have dispatched it first): nothing new happened.
      return [];
  }
}

export function reportException(command: ReportShipmentException, state: ShipmentState): Event[] {
  if (state.status === 'none') throw shipmentMissing();
  if (state.status !== 'dispatched') throw illegalTransition('reporting a delivery exception', state.status);
  if (hasException(state, command.kind)) return [];
  return [exceptionEvent(state, { kind: command.kind, reportedAt: command.at, trigger: 'manual', detail: command.detail })];
}

export function markReturned(command: MarkShipmentReturned, state: ShipmentState): Event[] {
  if (state.status === 'none') throw shipmentMissing();
  if (state.direction !== 'outbound') {
    throw new DomainError('conflict', ShipmentRules.notOutbound, 'only an outbound shipment can be returned to the merchant', {
      direction: state.direction,
    });
  }
  if (state.status === 'returned') return [];
  if (state.status !== 'dispatched') throw illegalTransition('marking the shipment returned', state.status);
  return [
    {
      type: 'ShipmentReturned',
      data: withoutUndefined({
        shipmentId: state.shipmentId,
        orderId: state.orderId,
        returnedAt: command.at,
        reason: command.reason,
        trigger: 'manual',
        note: command.note,
        refundId: state.refundId,
      }),
    },
  ];
}

export function cancel(command: CancelShipment, state: ShipmentState): Event[] {
  if (state.status === 'none') throw shipmentMissing();
  if (state.status === 'cancelled') return [];
  if (state.status !== 'created') throw illegalTransition('cancelling the shipment', state.status);
  return [
    {
      type: 'ShipmentCancelled',
      data: withoutUndefined({
        shipmentId: state.shipmentId,
        orderId: state.orderId,
        direction: state.direction,
        refundId: state.refundId,
        carrier: state.carrier,
        trackingNo: state.trackingNo,
        reason: command.reason,
        cancelledAt: command.at,
      }),
    },
  ];
}

export function expireTracking(command: ExpireTracking, state: ShipmentState): Event[] {
  if (state.status !== 'dispatched' || state.trackingExpiredAt !== undefined) return [];
  if (state.trackingExpiresAt === undefined || state.dispatchedAt === undefined) return [];
  if (Date.parse(command.at) < Date.parse(state.trackingExpiresAt)) return [];
  const last = latestScan(state);
  return [
    {
      type: 'ShipmentTrackingExpired',
      data: withoutUndefined({
        shipmentId: state.shipmentId,
        orderId: state.orderId,
        direction: state.direction,
        refundId: state.refundId,
        dispatchedAt: state.dispatchedAt,
        expiredAt: command.at,
        lastTrackingStatus: last?.status,
        lastScanAt: last?.occurredAt,
        rulebookVersion: state.rulebookVersion ?? '',
      }),
    },
  ];
}
