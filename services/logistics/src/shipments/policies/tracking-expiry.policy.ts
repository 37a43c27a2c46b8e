import type { LogisticsEventData } from '@aftersales/contracts';
import type { RecordedEvent, TimerInstruction, TimerPolicy } from '@aftersales/kernel';

export const LOGISTICS_SERVICE = 'logistics';

export const trackingExpiryTimerId = (shipmentId: string): string => `shipment-${shipmentId}:tracking-expiry`;

/** The command a tracking-expiry timer fires; the application turns it into ExpireTracking on the stream. */
export interface ExpireTrackingTimerCommand {
  type: 'ExpireTracking';
  shipmentId: string;
  [field: string]: unknown;
}

/**
 * The tracking deadline is in the dispatch event (trackingExpiresAt, from the rulebook): schedule it there,
 * and drop it once the shipment ends (delivered, returned). The fired command re-checks the state anyway.
 */
export const trackingExpiryPolicy: TimerPolicy = (event: RecordedEvent): TimerInstruction | undefined => {
  switch (event.type) {
    case 'ShipmentDispatched':
    case 'ReturnShipmentDispatched': {
      const data = event.data as LogisticsEventData<'ShipmentDispatched'>;
      const command: ExpireTrackingTimerCommand = { type: 'ExpireTracking', shipmentId: data.shipmentId };
      return {
        schedule: [
          {
            timerId: trackingExpiryTimerId(data.shipmentId),
            service: LOGISTICS_SERVICE,
            dueAt: data.trackingExpiresAt,
            command,
            scheduledBy: { eventId: event.eventId, correlationId: event.correlationId },
          },
        ],
      };
    }
    case 'ShipmentDelivered':
    case 'ReturnShipmentDelivered':
    case 'ShipmentReturned':
    case 'ShipmentCancelled':
      return { cancel: [trackingExpiryTimerId((event.data as { shipmentId: string }).shipmentId)] };
    default:
      return undefined;
  }
};
