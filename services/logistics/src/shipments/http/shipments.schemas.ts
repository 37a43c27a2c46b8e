import { Type, type Static } from '@sinclair/typebox';
import { Id, ShipmentDirectionSchema, ShipmentExceptionKindSchema, TrackingStatusSchema } from '@aftersales/contracts';

const strict = { additionalProperties: false } as const;
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, description });
const Timestamp = (description?: string) => Type.String({ format: 'date-time', description });

const Carrier = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$', description: 'Carrier code from the shop’s list, e.g. sf, yto, jd' });
const TrackingNo = Type.String({
  pattern: '^\\S{1,64}$',
  description: 'Carrier tracking number, no spaces (compared case-insensitively)',
});

export const CreateShipmentBody = Type.Object(
  { orderId: Id('The paid (or cash-on-delivery) order to ship'), carrier: Carrier, trackingNo: TrackingNo },
  strict,
);
export type CreateShipmentBody = Static<typeof CreateShipmentBody>;

export const EmptyBody = Type.Object({}, strict);
export type EmptyBody = Static<typeof EmptyBody>;

export const CarrierEventBody = Type.Object(
  {
    carrier: Carrier,
    trackingNo: TrackingNo,
    carrierEventId: text(128, 'The carrier’s id of this scan: a repeated id is recorded once'),
    status: TrackingStatusSchema,
    subStatus: Type.Optional(
      text(64, 'AfterShip subtag (e.g. Exception_003 refused, Exception_011 returned to sender) or the carrier’s word'),
    ),
    occurredAt: Timestamp('When the scan happened, carrier time, any offset'),
    location: Type.Optional(text(256)),
    description: Type.Optional(text(1024)),
  },
  strict,
);
export type CarrierEventBody = Static<typeof CarrierEventBody>;

export const CancelShipmentBody = Type.Object({ reason: text(512, 'Why the shipment will not leave') }, strict);
export type CancelShipmentBody = Static<typeof CancelShipmentBody>;

export const ReportExceptionBody = Type.Object(
  { kind: ShipmentExceptionKindSchema, detail: Type.Optional(text(1024, 'What happened, e.g. no scan for 10 days')) },
  strict,
);
export type ReportExceptionBody = Static<typeof ReportExceptionBody>;

export const ReturnToMerchantBody = Type.Object(
  {
    reason: Type.Union([Type.Literal('refused'), Type.Literal('undeliverable'), Type.Literal('other')]),
    note: Type.Optional(text(1024)),
  },
  strict,
);
export type ReturnToMerchantBody = Static<typeof ReturnToMerchantBody>;

export const ListShipmentsParams = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListShipmentsParams = Static<typeof ListShipmentsParams>;

const TrackingEntrySchema = Type.Object({
  carrierEventId: Type.String(),
  status: TrackingStatusSchema,
  subStatus: Type.Optional(Type.String()),
  occurredAt: Timestamp('Carrier time; the history is sorted by it'),
  location: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  receivedAt: Timestamp(),
});

const MilestoneTrigger = Type.Union([Type.Literal('manual'), Type.Literal('carrier_scan')]);

/** GET /shipments/{shipmentId} (documentation of the read model document). */
export const ShipmentViewSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  direction: ShipmentDirectionSchema,
  refundId: Type.Optional(Type.String()),
  carrier: Type.String(),
  trackingNo: Type.String(),
  status: Type.Union(
    ['created', 'dispatched', 'delivered', 'returned', 'cancelled'].map((s) => Type.Literal(s)),
    {
      description: 'dispatched covers in transit, out for delivery and open exceptions; delivered, returned and cancelled are final',
    },
  ),
  trackingStatus: Type.Optional(TrackingStatusSchema),
  createdAt: Timestamp(),
  labelPrintedAt: Type.Optional(Timestamp()),
  dispatchedAt: Type.Optional(Timestamp()),
  dispatchTrigger: Type.Optional(MilestoneTrigger),
  deliveredAt: Type.Optional(Timestamp()),
  returnedAt: Type.Optional(Timestamp()),
  returnReason: Type.Optional(Type.String()),
  cancelledAt: Type.Optional(Timestamp()),
  cancelReason: Type.Optional(Type.String()),
  trackingExpiresAt: Type.Optional(Timestamp('Neither delivered nor returned by then: tracking expires')),
  trackingExpiredAt: Type.Optional(Timestamp()),
  rulebookVersion: Type.Optional(Type.String()),
  exceptions: Type.Array(
    Type.Object({
      kind: ShipmentExceptionKindSchema,
      reportedAt: Timestamp(),
      trigger: MilestoneTrigger,
      carrierEventId: Type.Optional(Type.String()),
      subStatus: Type.Optional(Type.String()),
      detail: Type.Optional(Type.String()),
    }),
  ),
  tracking: Type.Array(TrackingEntrySchema),
  revision: Type.Integer(),
});

export const CarrierEventAcceptedSchema = Type.Object({
  ...ShipmentViewSchema.properties,
  duplicate: Type.Boolean({ description: 'true: this carrier event id was recorded before; nothing was appended' }),
});
