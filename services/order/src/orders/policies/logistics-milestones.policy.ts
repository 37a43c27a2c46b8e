import type { EventEnvelope, LogisticsEventData } from '@aftersales/contracts';
import type { LockAddress, MarkDelivered, MarkReturned, MarkShipped, UnlockAddress } from '../domain';

type ShipmentCommand = MarkShipped | MarkDelivered | MarkReturned | LockAddress | UnlockAddress;
type WithoutTime<C> = C extends unknown ? Omit<C, 'at'> : never;

/**
 * The order command a logistics event calls for, without its `at` (the handler adds the clock's time), or
 * undefined when the order does not care. Only outbound milestones move the order: return shipments belong
 * to refunds (so do reissue parcels, which name their refund), and a refusal (ShipmentException `refused`)
 * moves the order only once the parcel is back (ShipmentReturned).
 */
export function orderCommandForLogisticsEvent(event: EventEnvelope): WithoutTime<ShipmentCommand> | undefined {
  // A reissue (补发) parcel names its refund: it is the refund's business, the order follows its own shipment only.
  if ((event.data as { refundId?: string }).refundId !== undefined) return undefined;
  switch (event.type) {
    // The order freezes its address for an outbound shipment (logistics dispatches it only after it saw the lock).
    case 'ShipmentCreated': {
      const data = event.data as LogisticsEventData<'ShipmentCreated'>;
      if (data.direction !== 'outbound') return undefined;
      return { type: 'LockAddress', orderId: data.orderId, shipmentId: data.shipmentId };
    }
    case 'ShipmentCancelled': {
      const data = event.data as LogisticsEventData<'ShipmentCancelled'>;
      if (data.direction !== 'outbound') return undefined;
      return { type: 'UnlockAddress', orderId: data.orderId, shipmentId: data.shipmentId };
    }
    case 'ShipmentDispatched': {
      const data = event.data as LogisticsEventData<'ShipmentDispatched'>;
      return {
        type: 'MarkShipped',
        orderId: data.orderId,
        shipmentId: data.shipmentId,
        carrier: data.carrier,
        trackingNo: data.trackingNo,
        dispatchedAt: data.dispatchedAt,
      };
    }
    case 'ShipmentDelivered': {
      const data = event.data as LogisticsEventData<'ShipmentDelivered'>;
      return { type: 'MarkDelivered', orderId: data.orderId, shipmentId: data.shipmentId, deliveredAt: data.deliveredAt };
    }
    case 'ShipmentReturned': {
      const data = event.data as LogisticsEventData<'ShipmentReturned'>;
      return { type: 'MarkReturned', orderId: data.orderId, shipmentId: data.shipmentId, reason: data.reason, returnedAt: data.returnedAt };
    }
    default:
      return undefined;
  }
}
