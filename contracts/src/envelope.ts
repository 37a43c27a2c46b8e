import { Type, type Static } from '@sinclair/typebox';

export const ActorRoles = ['buyer', 'agent', 'supervisor', 'platform', 'finance', 'integrator', 'admin', 'system'] as const;
export const ActorRoleSchema = Type.Union(ActorRoles.map((r) => Type.Literal(r)), { description: 'Who acted' });
export type ActorRole = (typeof ActorRoles)[number];

export const ActorSchema = Type.Object(
  { id: Type.String({ minLength: 1 }), role: ActorRoleSchema },
  { additionalProperties: false },
);
export type Actor = Static<typeof ActorSchema>;

/** W3C trace context carried with every event so a trace can be followed across services. */
export const TraceContextSchema = Type.Object(
  { traceparent: Type.String(), tracestate: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type TraceContext = Static<typeof TraceContextSchema>;

/** Metadata a writer supplies with each new event; the store adds ids, revisions and positions. */
export const EventMetadataSchema = Type.Object({
  occurredAt: Type.String({ format: 'date-time', description: 'When the fact happened (business time, from the clock port)' }),
  correlationId: Type.String({ description: 'Shared by every event caused, directly or not, by one original request' }),
  causationId: Type.Union([Type.String(), Type.Null()], { description: 'Id of the event or command that caused this one' }),
  actor: ActorSchema,
  trace: Type.Optional(TraceContextSchema),
});
export type EventMetadata = Static<typeof EventMetadataSchema>;

/** The one envelope of every event, in the store, on the bus and over HTTP. */
export const EnvelopeSchema = Type.Object({
  eventId: Type.String({ description: 'Unique id of the event (UUID)' }),
  type: Type.String({ description: 'Event type, e.g. OrderPlaced' }),
  schemaVersion: Type.Integer({ minimum: 1 }),
  streamId: Type.String({ description: 'Aggregate stream, e.g. order-<orderId>' }),
  revision: Type.Integer({ minimum: 0, description: '0-based position of the event in its stream' }),
  position: Type.Integer({ minimum: 1, description: 'Gap-free global position in the log' }),
  occurredAt: Type.String({ format: 'date-time' }),
  recordedAt: Type.String({ format: 'date-time' }),
  correlationId: Type.String(),
  causationId: Type.Union([Type.String(), Type.Null()]),
  actor: ActorSchema,
  trace: Type.Optional(TraceContextSchema),
  data: Type.Unknown(),
});

export interface EventEnvelope<TType extends string = string, TData = unknown> {
  eventId: string;
  type: TType;
  schemaVersion: number;
  streamId: string;
  revision: number;
  position: number;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  trace?: TraceContext;
  data: TData;
}
