import { Type, type Static } from '@sinclair/typebox';
import { Id, Timestamp } from '../common';
import { defineEvent, type DomainEventOf, type EventDefinition } from '../define-event';

/*
 * Logistics events: outbound shipments (merchant → buyer) and return shipments (buyer → merchant, for a refund).
 *
 * Milestones other services react to have one type per direction, so a consumer never has to filter:
 * - outbound: ShipmentDispatched (order → shipped), ShipmentDelivered (order → delivered),
 *   ShipmentReturned (goods back at the merchant, e.g. COD refused at the door);
 * - return:   ReturnShipmentDispatched, ReturnShipmentDelivered (the refund's goods arrived at the merchant).
 * The other events are shared by both directions and carry `direction` (and `refundId` for returns).
 */

export const ShipmentDirectionSchema = Type.Union([Type.Literal('outbound'), Type.Literal('return')], {
  description: 'outbound: merchant → buyer for the order; return: buyer → merchant for a refund',
});
export type ShipmentDirection = Static<typeof ShipmentDirectionSchema>;

/** AfterShip's delivery-status taxonomy, used as is for carrier scans. */
export const TrackingStatuses = [
  'info_received',
  'in_transit',
  'out_for_delivery',
  'attempt_fail',
  'delivered',
  'available_for_pickup',
  'exception',
  'expired',
] as const;
export type TrackingStatus = (typeof TrackingStatuses)[number];
export const TrackingStatusSchema = Type.Union(
  TrackingStatuses.map((s) => Type.Literal(s)),
  { description: 'Carrier status in the AfterShip taxonomy' },
);

export const ShipmentExceptionKinds = ['lost', 'damaged', 'refused', 'other'] as const;
export type ShipmentExceptionKind = (typeof ShipmentExceptionKinds)[number];
export const ShipmentExceptionKindSchema = Type.Union(
  ShipmentExceptionKinds.map((k) => Type.Literal(k)),
  { description: 'lost (丢件), damaged (破损), refused by the recipient (拒收), or any other carrier exception' },
);

/** How a milestone became known: a person pressed a button, or a carrier scan implied it. */
export const MilestoneTriggerSchema = Type.Union([Type.Literal('manual'), Type.Literal('carrier_scan')], {
  description: 'manual: an explicit command (merchant, agent); carrier_scan: derived from a carrier event',
});

const shipmentId = Id('Shipment id, shp_…; the stream is shipment-<shipmentId>');
const orderId = Id('Order the shipment belongs to (partition key)');
const refundId = Id('Refund the return shipment belongs to');
const carrier = Type.String({ minLength: 1, maxLength: 64, description: 'Carrier code from the shop’s list, lower case' });
const trackingNo = Type.String({ minLength: 1, maxLength: 64, description: 'Carrier tracking number, upper case' });
const carrierEventId = Type.String({ minLength: 1, maxLength: 128, description: 'The carrier’s id of the scan' });

export const ShipmentCreatedEvent = defineEvent({
  type: 'ShipmentCreated',
  version: 1,
  service: 'logistics',
  description:
    'A shipment was registered with a carrier and tracking number. Outbound: only for a paid (or cash-on-delivery) order, ' +
    'at most one active per order. Return: created for a refund (refundId set).',
  schema: Type.Object(
    {
      shipmentId,
      orderId,
      direction: ShipmentDirectionSchema,
      refundId: Type.Optional(refundId),
      carrier,
      trackingNo,
      createdAt: Timestamp('When the shipment was registered'),
    },
    { additionalProperties: false },
  ),
  example: {
    shipmentId: 'shp_01J9Z6Q4X8',
    orderId: 'ord_01J9Z5M2K7',
    direction: 'outbound',
    carrier: 'sf',
    trackingNo: 'SF1234567890',
    createdAt: '2026-11-02T09:00:00.000Z',
  },
});

export const ShipmentLabelPrintedEvent = defineEvent({
  type: 'ShipmentLabelPrinted',
  version: 1,
  service: 'logistics',
  description: 'The shipping label was printed (打单). Informational; the shipment is not dispatched yet.',
  schema: Type.Object({ shipmentId, orderId, direction: ShipmentDirectionSchema, printedAt: Timestamp() }, { additionalProperties: false }),
  example: { shipmentId: 'shp_01J9Z6Q4X8', orderId: 'ord_01J9Z5M2K7', direction: 'outbound', printedAt: '2026-11-02T09:05:00.000Z' },
});

const dispatchFields = {
  shipmentId,
  orderId,
  carrier,
  trackingNo,
  dispatchedAt: Timestamp('When the goods left: the command time, or the carrier scan’s time when a scan implied it'),
  trigger: MilestoneTriggerSchema,
  carrierEventId: Type.Optional(carrierEventId),
  trackingExpiresAt: Timestamp('Tracking expires if the shipment is neither delivered nor returned by then'),
  rulebookVersion: Type.String({ description: 'Rulebook version used for trackingExpiresAt' }),
};
/** Outbound milestones of a reissue (补发) shipment name the refund it fulfils: the order does not follow that parcel. */
const reissueRefundId = Type.Optional(Id('Reissue only: the refund whose items this outbound shipment sends again'));

export const ShipmentDispatchedEvent = defineEvent({
  type: 'ShipmentDispatched',
  version: 1,
  service: 'logistics',
  description:
    'An outbound shipment left the merchant (发货): the order becomes shipped. Emitted once, either on the merchant’s ' +
    'dispatch command or implied by the first carrier scan that shows the parcel in the carrier’s hands.',
  schema: Type.Object({ ...dispatchFields, refundId: reissueRefundId }, { additionalProperties: false }),
  example: {
    shipmentId: 'shp_01J9Z6Q4X8',
    orderId: 'ord_01J9Z5M2K7',
    carrier: 'sf',
    trackingNo: 'SF1234567890',
    dispatchedAt: '2026-11-02T10:00:00.000Z',
    trigger: 'manual',
    trackingExpiresAt: '2026-12-02T10:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});

export const ReturnShipmentDispatchedEvent = defineEvent({
  type: 'ReturnShipmentDispatched',
  version: 1,
  service: 'logistics',
  description: 'A return shipment (buyer → merchant) is in the carrier’s hands. Emitted once.',
  schema: Type.Object({ ...dispatchFields, refundId }, { additionalProperties: false }),
  example: {
    shipmentId: 'shp_01J9ZB7T2C',
    orderId: 'ord_01J9Z5M2K7',
    refundId: 'rfd_01J9ZA1P0D',
    carrier: 'yto',
    trackingNo: 'YT9876543210',
    dispatchedAt: '2026-11-08T15:00:00.000Z',
    trigger: 'carrier_scan',
    carrierEventId: 'yto-evt-1',
    trackingExpiresAt: '2026-12-08T15:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});

export const CarrierEventRecordedEvent = defineEvent({
  type: 'CarrierEventRecorded',
  version: 1,
  service: 'logistics',
  description:
    'A carrier tracking scan was recorded. Recorded once per carrierEventId (duplicates append nothing); scans may ' +
    'arrive out of order: occurredAt is the carrier’s time, receivedAt ours.',
  schema: Type.Object(
    {
      shipmentId,
      orderId,
      direction: ShipmentDirectionSchema,
      refundId: Type.Optional(refundId),
      carrier,
      trackingNo,
      carrierEventId,
      status: TrackingStatusSchema,
      subStatus: Type.Optional(Type.String({ maxLength: 64, description: 'Carrier or AfterShip sub-status, e.g. Exception_003' })),
      occurredAt: Timestamp('When the scan happened, carrier time'),
      location: Type.Optional(Type.String({ maxLength: 256 })),
      description: Type.Optional(Type.String({ maxLength: 1024 })),
      receivedAt: Timestamp('When we received the scan'),
    },
    { additionalProperties: false },
  ),
  example: {
    shipmentId: 'shp_01J9Z6Q4X8',
    orderId: 'ord_01J9Z5M2K7',
    direction: 'outbound',
    carrier: 'sf',
    trackingNo: 'SF1234567890',
    carrierEventId: 'sf-evt-0001',
    status: 'in_transit',
    subStatus: 'InTransit_007',
    occurredAt: '2026-11-02T18:30:00.000Z',
    location: 'Shenzhen hub',
    description: 'Departed facility',
    receivedAt: '2026-11-02T18:31:02.000Z',
  },
});

const deliveredFields = {
  shipmentId,
  orderId,
  deliveredAt: Timestamp('Carrier time of the delivered scan'),
  carrierEventId: Type.Optional(carrierEventId),
  subStatus: Type.Optional(Type.String({ maxLength: 64, description: 'e.g. Delivered_004: delivered and cash collected (COD)' })),
};

export const ShipmentDeliveredEvent = defineEvent({
  type: 'ShipmentDelivered',
  version: 1,
  service: 'logistics',
  description:
    'An outbound shipment was delivered (signed for): the order becomes delivered. Exactly once per shipment; a later ' +
    'or late-arriving scan never moves a delivered shipment back.',
  schema: Type.Object({ ...deliveredFields, refundId: reissueRefundId }, { additionalProperties: false }),
  example: {
    shipmentId: 'shp_01J9Z6Q4X8',
    orderId: 'ord_01J9Z5M2K7',
    deliveredAt: '2026-11-04T11:20:00.000Z',
    carrierEventId: 'sf-evt-0009',
    subStatus: 'Delivered_003',
  },
});

export const ReturnShipmentDeliveredEvent = defineEvent({
  type: 'ReturnShipmentDelivered',
  version: 1,
  service: 'logistics',
  description:
    'A return shipment arrived at the merchant (退货到货). Exactly once. The refund still waits for the merchant to ' +
    'confirm the goods’ condition.',
  schema: Type.Object({ ...deliveredFields, refundId }, { additionalProperties: false }),
  example: {
    shipmentId: 'shp_01J9ZB7T2C',
    orderId: 'ord_01J9Z5M2K7',
    refundId: 'rfd_01J9ZA1P0D',
    deliveredAt: '2026-11-10T09:00:00.000Z',
    carrierEventId: 'yto-evt-7',
  },
});

export const ShipmentExceptionEvent = defineEvent({
  type: 'ShipmentException',
  version: 1,
  service: 'logistics',
  description:
    'A delivery problem: lost, damaged, refused at the door, or another carrier exception. Raised at most once per kind ' +
    'and shipment, from a carrier scan or reported by an agent; never after delivery.',
  schema: Type.Object(
    {
      shipmentId,
      orderId,
      direction: ShipmentDirectionSchema,
      refundId: Type.Optional(refundId),
      kind: ShipmentExceptionKindSchema,
      reportedAt: Timestamp('Carrier time of the scan, or the time an agent reported it'),
      trigger: MilestoneTriggerSchema,
      carrierEventId: Type.Optional(carrierEventId),
      subStatus: Type.Optional(Type.String({ maxLength: 64 })),
      detail: Type.Optional(Type.String({ maxLength: 1024 })),
    },
    { additionalProperties: false },
  ),
  example: {
    shipmentId: 'shp_01J9Z6Q4X8',
    orderId: 'ord_01J9Z5M2K7',
    direction: 'outbound',
    kind: 'refused',
    reportedAt: '2026-11-04T11:20:00.000Z',
    trigger: 'carrier_scan',
    carrierEventId: 'sf-evt-0010',
    subStatus: 'Exception_003',
    detail: 'Recipient refused delivery',
  },
});

export const ShipmentReturnedEvent = defineEvent({
  type: 'ShipmentReturned',
  version: 1,
  service: 'logistics',
  description:
    'An outbound shipment came back to the merchant undelivered (e.g. a cash-on-delivery parcel refused at the door). ' +
    'Terminal: the shipment will not be delivered. From the carrier’s returned-to-sender scan or an explicit command.',
  schema: Type.Object(
    {
      shipmentId,
      orderId,
      returnedAt: Timestamp(),
      reason: Type.Union([Type.Literal('refused'), Type.Literal('undeliverable'), Type.Literal('other')], {
        description: 'refused: the recipient refused it; undeliverable: the carrier could not deliver; other: stated in note',
      }),
      trigger: MilestoneTriggerSchema,
      carrierEventId: Type.Optional(carrierEventId),
      note: Type.Optional(Type.String({ maxLength: 1024 })),
      refundId: reissueRefundId,
    },
    { additionalProperties: false },
  ),
  example: {
    shipmentId: 'shp_01J9Z6Q4X8',
    orderId: 'ord_01J9Z5M2K7',
    returnedAt: '2026-11-07T16:00:00.000Z',
    reason: 'refused',
    trigger: 'carrier_scan',
    carrierEventId: 'sf-evt-0014',
  },
});

export const ShipmentCancelledEvent = defineEvent({
  type: 'ShipmentCancelled',
  version: 1,
  service: 'logistics',
  description:
    'A shipment that had not been dispatched was cancelled (by the merchant, or because the order closed, e.g. refunded ' +
    'in full before dispatch). Frees its tracking number.',
  schema: Type.Object(
    {
      shipmentId,
      orderId,
      direction: ShipmentDirectionSchema,
      refundId: Type.Optional(refundId),
      carrier,
      trackingNo,
      reason: Type.String({ minLength: 1, maxLength: 512 }),
      cancelledAt: Timestamp(),
    },
    { additionalProperties: false },
  ),
  example: {
    shipmentId: 'shp_01J9Z6Q4X8',
    orderId: 'ord_01J9Z5M2K7',
    direction: 'outbound',
    carrier: 'sf',
    trackingNo: 'SF1234567890',
    reason: 'order closed: refunded in full',
    cancelledAt: '2026-11-02T09:30:00.000Z',
  },
});

export const ShipmentTrackingExpiredEvent = defineEvent({
  type: 'ShipmentTrackingExpired',
  version: 1,
  service: 'logistics',
  description:
    'A dispatched shipment was neither delivered nor returned within rulebook.logistics.trackingExpiredAfterDays of ' +
    'dispatch (abnormal tracking). The shipment can still be delivered later.',
  schema: Type.Object(
    {
      shipmentId,
      orderId,
      direction: ShipmentDirectionSchema,
      refundId: Type.Optional(refundId),
      dispatchedAt: Timestamp(),
      expiredAt: Timestamp(),
      lastTrackingStatus: Type.Optional(TrackingStatusSchema),
      lastScanAt: Type.Optional(Timestamp('Carrier time of the latest scan, if any')),
      rulebookVersion: Type.String(),
    },
    { additionalProperties: false },
  ),
  example: {
    shipmentId: 'shp_01J9Z6Q4X8',
    orderId: 'ord_01J9Z5M2K7',
    direction: 'outbound',
    dispatchedAt: '2026-11-02T10:00:00.000Z',
    expiredAt: '2026-12-02T10:00:00.000Z',
    lastTrackingStatus: 'in_transit',
    lastScanAt: '2026-11-03T08:00:00.000Z',
    rulebookVersion: '2026-12-v4',
  },
});

const logisticsEventList = [
  ShipmentCreatedEvent,
  ShipmentLabelPrintedEvent,
  ShipmentDispatchedEvent,
  ReturnShipmentDispatchedEvent,
  CarrierEventRecordedEvent,
  ShipmentDeliveredEvent,
  ReturnShipmentDeliveredEvent,
  ShipmentExceptionEvent,
  ShipmentReturnedEvent,
  ShipmentCancelledEvent,
  ShipmentTrackingExpiredEvent,
] as const;

/** Every logistics event definition, in catalogue order. */
export const logisticsEvents: EventDefinition[] = [...logisticsEventList];

/** `{ type, data }` of every logistics event: what the shipment decider emits. */
export type LogisticsEvent = DomainEventOf<(typeof logisticsEventList)[number]>;
export type LogisticsEventType = LogisticsEvent['type'];
/** Data of one logistics event type, e.g. `LogisticsEventData<'ShipmentDispatched'>`. */
export type LogisticsEventData<T extends LogisticsEventType> = Extract<LogisticsEvent, { type: T }>['data'];

export type ShipmentCreated = Static<typeof ShipmentCreatedEvent.schema>;
export type ShipmentLabelPrinted = Static<typeof ShipmentLabelPrintedEvent.schema>;
export type ShipmentDispatched = Static<typeof ShipmentDispatchedEvent.schema>;
export type ReturnShipmentDispatched = Static<typeof ReturnShipmentDispatchedEvent.schema>;
export type CarrierEventRecorded = Static<typeof CarrierEventRecordedEvent.schema>;
export type ShipmentDelivered = Static<typeof ShipmentDeliveredEvent.schema>;
export type ReturnShipmentDelivered = Static<typeof ReturnShipmentDeliveredEvent.schema>;
export type ShipmentException = Static<typeof ShipmentExceptionEvent.schema>;
export type ShipmentReturned = Static<typeof ShipmentReturnedEvent.schema>;
export type ShipmentCancelled = Static<typeof ShipmentCancelledEvent.schema>;
export type ShipmentTrackingExpired = Static<typeof ShipmentTrackingExpiredEvent.schema>;
