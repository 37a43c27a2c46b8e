import { busEvent } from '../testing/bus-events';
import { orderCommandForLogisticsEvent } from './logistics-milestones.policy';

const logisticsEvent = (type: string, data: Record<string, unknown>) =>
  busEvent(type, data, { streamId: 'shipment-shp_1', correlationId: 'corr-shipment', actor: { id: 'merchant-agent-3', role: 'agent' } });

const dispatched = (extra: Record<string, unknown> = {}) =>
  logisticsEvent('ShipmentDispatched', {
    shipmentId: 'shp_1',
    orderId: 'ord_1',
    carrier: 'sf',
    trackingNo: 'SF1',
    dispatchedAt: '2026-11-03T08:00:00.000Z',
    ...extra,
  });

describe('which order command a logistics event calls for', () => {
  it('given the order’s parcel dispatched, when the event arrives, then the order is marked shipped with its carrier and tracking number', () => {
    expect(orderCommandForLogisticsEvent(dispatched())).toEqual({
      type: 'MarkShipped',
      orderId: 'ord_1',
      shipmentId: 'shp_1',
      carrier: 'sf',
      trackingNo: 'SF1',
      dispatchedAt: '2026-11-03T08:00:00.000Z',
    });
  });

  it('given the parcel delivered, when the event arrives, then the order is marked delivered at that time', () => {
    const event = logisticsEvent('ShipmentDelivered', { shipmentId: 'shp_1', orderId: 'ord_1', deliveredAt: '2026-11-04T08:00:00.000Z' });
    expect(orderCommandForLogisticsEvent(event)).toEqual({
      type: 'MarkDelivered',
      orderId: 'ord_1',
      shipmentId: 'shp_1',
      deliveredAt: '2026-11-04T08:00:00.000Z',
    });
  });

  it('given a refused parcel back at the merchant, when the event arrives, then the order is marked returned with the reason', () => {
    const event = logisticsEvent('ShipmentReturned', {
      shipmentId: 'shp_1',
      orderId: 'ord_1',
      reason: 'refused',
      returnedAt: '2026-11-06T08:00:00.000Z',
    });
    expect(orderCommandForLogisticsEvent(event)).toEqual({
      type: 'MarkReturned',
      orderId: 'ord_1',
      shipmentId: 'shp_1',
      reason: 'refused',
      returnedAt: '2026-11-06T08:00:00.000Z',
    });
  });

  it('given a reissue parcel naming its refund, when it is dispatched, then the order is left to the refund', () => {
    expect(orderCommandForLogisticsEvent(dispatched({ refundId: 'rfd_1' }))).toBeUndefined();
  });

  it('given an exception on the way, when the event arrives, then nothing moves until the parcel is back', () => {
    const event = logisticsEvent('ShipmentException', { shipmentId: 'shp_1', orderId: 'ord_1', kind: 'refused' });
    expect(orderCommandForLogisticsEvent(event)).toBeUndefined();
  });
});
