import type { LogisticsEventData } from '@aftersales/contracts';
import type { Projection } from '@aftersales/kernel';
import { trackingKeyOf } from '../domain';

export const TRACKING_INDEX_COLLECTION = 'tracking_index';

/** carrier + tracking number → the shipment that uses it; a cancelled shipment frees its number. */
export interface TrackingIndexEntry {
  id: string;
  carrier: string;
  trackingNo: string;
  shipmentId: string;
  orderId: string;
  direction: 'outbound' | 'return';
  [field: string]: unknown;
}

export const trackingIndexProjection: Projection = {
  name: 'tracking_index',
  collections: [TRACKING_INDEX_COLLECTION],
  handles: (eventType) => eventType === 'ShipmentCreated' || eventType === 'ShipmentCancelled',
  async apply(event, uow) {
    if (event.type === 'ShipmentCreated') {
      const data = event.data as LogisticsEventData<'ShipmentCreated'>;
      const entry: TrackingIndexEntry = {
        id: trackingKeyOf(data.carrier, data.trackingNo),
        carrier: data.carrier,
        trackingNo: data.trackingNo,
        shipmentId: data.shipmentId,
        orderId: data.orderId,
        direction: data.direction,
      };
      uow.put(TRACKING_INDEX_COLLECTION, entry);
      return;
    }
    const data = event.data as LogisticsEventData<'ShipmentCancelled'>;
    const key = trackingKeyOf(data.carrier, data.trackingNo);
    const current = await uow.get<TrackingIndexEntry>(TRACKING_INDEX_COLLECTION, key);
    if (current?.shipmentId === data.shipmentId) uow.delete(TRACKING_INDEX_COLLECTION, key);
  },
};
