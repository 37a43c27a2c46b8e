import type { LogisticsEvent, LogisticsEventData, LogisticsEventType } from '@aftersales/contracts';
import { addDays, withoutUndefined } from '@aftersales/kernel';
import type { RecordCarrierEvent } from '../domain';
import { ORDER, REFUND, rules, scan, SHIPMENT } from './shipment-fixtures';

/*
 * The shipment's events exactly as the decider writes them, for histories stated as facts:
 * `deciderSpec(shipmentDecider).given([shipmentCreated(), shipmentDispatched()]).when(command).then([...])`.
 * Defaults: shipment SHIPMENT of order ORDER, carrier sf, tracking number SF100, created 2026-11-02 09:00 and dispatched
 * at 10:00 by hand under `rules`; a field a test names overrides its default, and the fields computed from it follow.
 */

type Data<T extends LogisticsEventType> = LogisticsEventData<T>;

const shipmentEvent = <T extends LogisticsEventType>(type: T, data: Data<T>): LogisticsEvent =>
  ({ type, data: withoutUndefined(data) }) as LogisticsEvent;

const ids = { shipmentId: SHIPMENT, orderId: ORDER };
const parcel = { carrier: 'sf', trackingNo: 'SF100' };

export const shipmentCreated = (overrides: Partial<Data<'ShipmentCreated'>> = {}) =>
  shipmentEvent('ShipmentCreated', { ...ids, direction: 'outbound', ...parcel, createdAt: '2026-11-02T09:00:00.000Z', ...overrides });

/** A return shipment for refund REFUND: the buyer sends the goods back. */
export const returnShipmentCreated = (overrides: Partial<Data<'ShipmentCreated'>> = {}) =>
  shipmentCreated({ direction: 'return', refundId: REFUND, ...overrides });

export const labelPrinted = (overrides: Partial<Data<'ShipmentLabelPrinted'>> = {}) =>
  shipmentEvent('ShipmentLabelPrinted', { ...ids, direction: 'outbound', printedAt: '2026-11-02T09:05:00.000Z', ...overrides });

type DispatchData = Partial<Data<'ShipmentDispatched'>>;

const dispatchData = ({ dispatchedAt = '2026-11-02T10:00:00.000Z', ...rest }: DispatchData) => ({
  ...ids,
  ...parcel,
  dispatchedAt,
  trigger: 'manual' as const,
  trackingExpiresAt: addDays(dispatchedAt, rules.trackingExpiredAfterDays),
  rulebookVersion: rules.version,
  ...rest,
});

/** Dispatched by hand; tracking expires `rules.trackingExpiredAfterDays` after dispatch. */
export const shipmentDispatched = (overrides: DispatchData = {}) => shipmentEvent('ShipmentDispatched', dispatchData(overrides));

export const returnShipmentDispatched = (overrides: DispatchData = {}) =>
  shipmentEvent('ReturnShipmentDispatched', { ...dispatchData(overrides), refundId: overrides.refundId ?? REFUND });

/** The scan command `scan(...)` as recorded in the history of the shipment (outbound unless `shipment` says otherwise). */
export const scanRecorded = (
  { carrierEventId, status, subStatus, occurredAt, location, description, at: receivedAt }: RecordCarrierEvent,
  shipment: Partial<Pick<Data<'CarrierEventRecorded'>, 'direction' | 'refundId' | 'carrier' | 'trackingNo'>> = {},
) => {
  const entry = { carrierEventId, status, subStatus, occurredAt, location, description, receivedAt };
  return shipmentEvent('CarrierEventRecorded', { ...ids, direction: 'outbound', ...parcel, ...entry, ...shipment });
};

export const shipmentDelivered = (overrides: Partial<Data<'ShipmentDelivered'>> = {}) =>
  shipmentEvent('ShipmentDelivered', { ...ids, deliveredAt: '2026-11-04T11:00:00.000Z', ...overrides });

export const returnShipmentDelivered = (overrides: Partial<Data<'ReturnShipmentDelivered'>> = {}) =>
  shipmentEvent('ReturnShipmentDelivered', { ...ids, refundId: REFUND, deliveredAt: '2026-11-10T09:00:00.000Z', ...overrides });

export const shipmentException = (overrides: Partial<Data<'ShipmentException'>> = {}) =>
  shipmentEvent('ShipmentException', {
    ...ids,
    direction: 'outbound',
    kind: 'other',
    reportedAt: '2026-11-03T10:00:00.000Z',
    trigger: 'manual',
    ...overrides,
  });

export const shipmentReturned = (overrides: Partial<Data<'ShipmentReturned'>> = {}) =>
  shipmentEvent('ShipmentReturned', { ...ids, returnedAt: '2026-11-08T00:00:00.000Z', reason: 'refused', trigger: 'manual', ...overrides });

export const shipmentCancelled = (overrides: Partial<Data<'ShipmentCancelled'>> = {}) =>
  shipmentEvent('ShipmentCancelled', {
    ...ids,
    direction: 'outbound',
    ...parcel,
    reason: 'refunded before dispatch',
    cancelledAt: '2026-11-02T09:30:00.000Z',
    ...overrides,
  });

export const shipmentTrackingExpired = (overrides: Partial<Data<'ShipmentTrackingExpired'>> = {}) =>
  shipmentEvent('ShipmentTrackingExpired', {
    ...ids,
    direction: 'outbound',
    dispatchedAt: '2026-11-02T10:00:00.000Z',
    expiredAt: '2026-12-02T10:00:00.000Z',
    rulebookVersion: rules.version,
    ...overrides,
  });

/* The usual histories. */

/** Created and dispatched by hand: on its way since 2026-11-02 10:00. */
export const dispatchedShipment = (): LogisticsEvent[] => [shipmentCreated(), shipmentDispatched()];

/** dispatchedShipment(), then the delivered scan d1 of 2026-11-04 11:00. */
export const deliveredShipment = (): LogisticsEvent[] => {
  const delivered = scan('d1', 'delivered', '2026-11-04T11:00:00.000Z');
  return [...dispatchedShipment(), scanRecorded(delivered), shipmentDelivered({ deliveredAt: delivered.occurredAt, carrierEventId: 'd1' })];
};
