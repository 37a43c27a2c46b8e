import { run, scan, SHIPMENT } from '../testing/shipment-fixtures';
import { dispatchedShipment } from '../testing/shipment-events';
import { projectStream } from '../testing/in-memory-unit-of-work';
import { recordedStream } from '../testing/recorded';
import { shipmentBody, shipmentStreamId, SHIPMENTS_COLLECTION, type ShipmentView } from './shipment.document';
import { shipmentsProjection } from './shipments.projection';

const streamId = shipmentStreamId(SHIPMENT);

describe('shipments projection', () => {
  const { log, state } = run(dispatchedShipment(), [
    scan('e2', 'out_for_delivery', '2026-11-04T08:00:00.000Z', { location: 'Hangzhou' }),
    scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z'),
    scan('e1', 'in_transit', '2026-11-02T18:00:00.000Z'),
  ]);

  it('given a shipment stream, when projected, then the document equals the command view with the last revision', async () => {
    const uow = await projectStream(shipmentsProjection, streamId, log);
    const doc = await uow.get<ShipmentView>(SHIPMENTS_COLLECTION, SHIPMENT);
    expect(doc).toEqual({ ...shipmentBody(state), revision: log.length - 1 });
    expect(doc).toMatchObject({ status: 'dispatched', trackingStatus: 'out_for_delivery', orderId: 'ord_test1' });
    expect(doc?.tracking.map((e) => e.carrierEventId)).toEqual(['e1', 'e2']);
  });

  it('given an event already reflected, when it is applied again, then the document does not change', async () => {
    const uow = await projectStream(shipmentsProjection, streamId, log);
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
