import { SHIPMENT } from '../testing/shipment-fixtures';
import { shipmentCancelled, shipmentCreated } from '../testing/shipment-events';
import { InMemoryUnitOfWork, projectStream } from '../testing/in-memory-unit-of-work';
import { recordedStream } from '../testing/recorded';
import { shipmentStreamId } from './shipment.document';
import { TRACKING_INDEX_COLLECTION, trackingIndexProjection } from './tracking-index.projection';

const streamId = shipmentStreamId(SHIPMENT);

describe('tracking index projection', () => {
  it('given a created shipment, then its normalised carrier + tracking number lead to it', async () => {
    const uow = await projectStream(trackingIndexProjection, streamId, [shipmentCreated()]);
    expect(uow.all(TRACKING_INDEX_COLLECTION)).toEqual([
      { id: 'sf:SF100', carrier: 'sf', trackingNo: 'SF100', shipmentId: SHIPMENT, orderId: 'ord_test1', direction: 'outbound' },
    ]);
  });

  it('given the shipment is cancelled, then its tracking number is free again', async () => {
    const log = [shipmentCreated(), shipmentCancelled({ reason: 'typo in tracking number', cancelledAt: '2026-11-02T09:01:00.000Z' })];
    const uow = await projectStream(trackingIndexProjection, streamId, log);
    expect(uow.all(TRACKING_INDEX_COLLECTION)).toEqual([]);
  });

  it('given the number was taken over by a newer shipment, when the older one is cancelled, then the entry stays', async () => {
    const uow = new InMemoryUnitOfWork();
    uow.put(TRACKING_INDEX_COLLECTION, { id: 'sf:SF100', shipmentId: 'shp_newer' });
    const log = [shipmentCreated(), shipmentCancelled({ reason: 'duplicate', cancelledAt: '2026-11-02T09:01:00.000Z' })];
    await trackingIndexProjection.apply(recordedStream(streamId, log)[1], uow);
    expect(uow.all(TRACKING_INDEX_COLLECTION)).toEqual([{ id: 'sf:SF100', shipmentId: 'shp_newer' }]);
  });

  it('only listens to creation and cancellation', () => {
    expect(trackingIndexProjection.handles('CarrierEventRecorded')).toBe(false);
    expect(trackingIndexProjection.handles('ShipmentCreated')).toBe(true);
  });
});
