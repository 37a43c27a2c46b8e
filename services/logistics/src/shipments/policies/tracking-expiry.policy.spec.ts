import { recorded } from '../testing/recorded';
import { SHIPMENT } from '../testing/shipment-fixtures';
import { returnShipmentDispatched, shipmentCreated, shipmentDispatched } from '../testing/shipment-events';
import { trackingExpiryPolicy, trackingExpiryTimerId } from './tracking-expiry.policy';

const streamId = `shipment-${SHIPMENT}`;

describe('tracking expiry policy', () => {
  it('given a shipment is dispatched, then a timer is scheduled at the deadline recorded in the event', () => {
    const event = recorded(streamId, 1, shipmentDispatched());
    expect(trackingExpiryPolicy(event)).toEqual({
      schedule: [
        {
          timerId: `shipment-${SHIPMENT}:tracking-expiry`,
          service: 'logistics',
          dueAt: '2026-12-02T10:00:00.000Z',
          command: { type: 'ExpireTracking', shipmentId: SHIPMENT },
          scheduledBy: { eventId: event.eventId, correlationId: event.correlationId },
        },
      ],
    });
  });

  it('given a return shipment is dispatched, then its timer is scheduled too', () => {
    const dispatch = returnShipmentDispatched({
      trigger: 'carrier_scan',
      carrierEventId: 't1',
      dispatchedAt: '2026-11-08T18:00:00.000Z',
      trackingExpiresAt: '2026-12-08T18:00:00.000Z',
    });
    expect(trackingExpiryPolicy(recorded(streamId, 2, dispatch))?.schedule?.[0]).toMatchObject({
      timerId: trackingExpiryTimerId(SHIPMENT),
      dueAt: '2026-12-08T18:00:00.000Z',
    });
  });

  it.each(['ShipmentDelivered', 'ReturnShipmentDelivered', 'ShipmentReturned', 'ShipmentCancelled'])(
    'given %s, then the timer is cancelled',
    (type) => {
      expect(trackingExpiryPolicy(recorded(streamId, 5, { type, data: { shipmentId: SHIPMENT, orderId: 'o' } }))).toEqual({
        cancel: [trackingExpiryTimerId(SHIPMENT)],
      });
    },
  );

  it('given any other event, then nothing', () => {
    expect(trackingExpiryPolicy(recorded(streamId, 0, shipmentCreated()))).toBeUndefined();
    expect(trackingExpiryPolicy(recorded('order-o', 0, { type: 'OrderPaid', data: { orderId: 'o' } }))).toBeUndefined();
  });
});
