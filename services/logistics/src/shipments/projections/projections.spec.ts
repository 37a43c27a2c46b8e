import type { LogisticsEvent } from '@aftersales/contracts';
import { created, dispatched, run, scan, SHIPMENT } from '../testing/shipment-fixtures';
import { InMemoryUnitOfWork } from '../testing/in-memory-unit-of-work';
import { recordedStream } from '../testing/recorded';
import { shipmentBody, shipmentStreamId, SHIPMENTS_COLLECTION, type ShipmentView } from './shipment-view';
import { shipmentsProjection } from './shipments.projection';
import { TRACKING_INDEX_COLLECTION, trackingIndexProjection } from './tracking-index.projection';

const streamId = shipmentStreamId(SHIPMENT);

async function project(projection: typeof shipmentsProjection, events: LogisticsEvent[], uow = new InMemoryUnitOfWork()) {
  for (const event of recordedStream(streamId, events)) {
    if (projection.handles(event.type)) await projection.apply(event, uow);
  }
  return uow;
}

describe('shipments projection', () => {
  const { log, state } = run(
    [created(), dispatched],
    [
      scan('e2', 'out_for_delivery', '2026-11-04T08:00:00.000Z', { location: 'Hangzhou' }),
      scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z'),
      scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z'),
    ],
  );

  it('given a shipment stream, when projected, then the document equals the command view with the last revision', async () => {
    const uow = await project(shipmentsProjection, log);
    const doc = await uow.get<ShipmentView>(SHIPMENTS_COLLECTION, SHIPMENT);
    expect(doc).toEqual({ ...shipmentBody(state), revision: log.length - 1 });
    expect(doc).toMatchObject({ status: 'dispatched', trackingStatus: 'out_for_delivery', orderId: 'ord_test1' });
    expect(doc?.tracking.map((e) => e.carrierEventId)).toEqual(['e1', 'e2']);
  });

  it('given an event already reflected, when it is applied again, then the document does not change', async () => {
    const uow = await project(shipmentsProjection, log);
    const before = await uow.get<ShipmentView>(SHIPMENTS_COLLECTION, SHIPMENT);
    const [again] = recordedStream(streamId, log).slice(2, 3);
    await shipmentsProjection.apply(again, uow);
    expect(await uow.get(SHIPMENTS_COLLECTION, SHIPMENT)).toEqual(before);
  });

  it('ignores events of other services', () => {
    expect(shipmentsProjection.handles('OrderPaid')).toBe(false);
    expect(shipmentsProjection.handles('ShipmentDelivered')).toBe(true);
  });
});

describe('tracking index projection', () => {
  it('given a created shipment, then its normalised carrier + tracking number lead to it', async () => {
    const uow = await project(trackingIndexProjection, [created()]);
    expect(uow.all(TRACKING_INDEX_COLLECTION)).toEqual([
      { id: 'sf:SF100', carrier: 'sf', trackingNo: 'SF100', shipmentId: SHIPMENT, orderId: 'ord_test1', direction: 'outbound' },
    ]);
  });

  it('given the shipment is cancelled, then its tracking number is free again', async () => {
    const { log } = run([created()], [{ type: 'CancelShipment', reason: 'typo in tracking number', at: '2026-11-02T09:01:00.000Z' }]);
    const uow = await project(trackingIndexProjection, log);
    expect(uow.all(TRACKING_INDEX_COLLECTION)).toEqual([]);
  });

  it('given the number was taken over by a newer shipment, when the older one is cancelled, then the entry stays', async () => {
    const uow = new InMemoryUnitOfWork();
    uow.put(TRACKING_INDEX_COLLECTION, { id: 'sf:SF100', shipmentId: 'shp_newer' });
    const { log } = run([created()], [{ type: 'CancelShipment', reason: 'duplicate', at: '2026-11-02T09:01:00.000Z' }]);
    await trackingIndexProjection.apply(recordedStream(streamId, log)[1], uow);
    expect(uow.all(TRACKING_INDEX_COLLECTION)).toEqual([{ id: 'sf:SF100', shipmentId: 'shp_newer' }]);
  });

  it('only listens to creation and cancellation', () => {
    expect(trackingIndexProjection.handles('CarrierEventRecorded')).toBe(false);
    expect(trackingIndexProjection.handles('ShipmentCreated')).toBe(true);
  });
});
