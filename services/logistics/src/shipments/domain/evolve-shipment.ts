import type { LogisticsEvent } from '@aftersales/contracts';
import { withoutUndefined } from '@aftersales/kernel';
import { initialShipmentState, type ShipmentState } from './shipment-state';
import { insertByOccurredAt } from './tracking-history';

/** Folds one event into the shipment; the `shipments` projection runs it too, so reads match command responses. */
export function evolveShipment(state: ShipmentState, event: LogisticsEvent): ShipmentState {
  switch (event.type) {
    case 'ShipmentCreated': {
      const d = event.data;
      return {
        ...initialShipmentState,
        status: 'created',
        shipmentId: d.shipmentId,
        orderId: d.orderId,
        direction: d.direction,
        ...(d.refundId !== undefined ? { refundId: d.refundId } : {}),
        carrier: d.carrier,
        trackingNo: d.trackingNo,
        createdAt: d.createdAt,
      };
    }
    case 'ShipmentLabelPrinted':
      return { ...state, labelPrintedAt: event.data.printedAt };
    case 'ShipmentDispatched':
    case 'ReturnShipmentDispatched':
      return {
        ...state,
        status: 'dispatched',
        dispatchedAt: event.data.dispatchedAt,
        dispatchTrigger: event.data.trigger,
        trackingExpiresAt: event.data.trackingExpiresAt,
        rulebookVersion: event.data.rulebookVersion,
      };
    case 'CarrierEventRecorded': {
      const d = event.data;
      const entry = withoutUndefined({
        carrierEventId: d.carrierEventId,
        status: d.status,
        subStatus: d.subStatus,
        occurredAt: d.occurredAt,
        location: d.location,
        description: d.description,
        receivedAt: d.receivedAt,
      });
      return { ...state, tracking: insertByOccurredAt(state.tracking, entry) };
    }
    case 'ShipmentDelivered':
    case 'ReturnShipmentDelivered':
      return { ...state, status: 'delivered', deliveredAt: event.data.deliveredAt };
    case 'ShipmentException': {
      const d = event.data;
      const record = withoutUndefined({
        kind: d.kind,
        reportedAt: d.reportedAt,
        trigger: d.trigger,
        carrierEventId: d.carrierEventId,
        subStatus: d.subStatus,
        detail: d.detail,
      });
      return { ...state, exceptions: [...state.exceptions, record] };
    }
    case 'ShipmentReturned':
      return { ...state, status: 'returned', returnedAt: event.data.returnedAt, returnReason: event.data.reason };
    case 'ShipmentCancelled':
      return { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt, cancelReason: event.data.reason };
    case 'ShipmentTrackingExpired':
      return { ...state, trackingExpiredAt: event.data.expiredAt };
    default:
      return state;
  }
}
