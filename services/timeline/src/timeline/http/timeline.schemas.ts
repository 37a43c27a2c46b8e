import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_TIMELINE_PAGE, MAX_TIMELINE_PAGE } from '../application/timeline.queries';

export const TimelineParams = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TIMELINE_PAGE, default: DEFAULT_TIMELINE_PAGE })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
    asOf: Type.Optional(
      Type.String({ format: 'date-time', description: 'Only what was recorded at or before this instant: the order, its refunds and cases as they stood then' }),
    ),
  },
  { additionalProperties: false },
);
export type TimelineParams = Static<typeof TimelineParams>;

const TimelineEntrySchema = Type.Object({
  position: Type.Integer({ description: 'Place on the timeline: the log position (embedded bus) or the rank in this order’s timeline (Kafka)' }),
  eventId: Type.String(),
  type: Type.String(),
  service: Type.String(),
  streamId: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  recordedAt: Type.String({ format: 'date-time' }),
  actor: Type.Object({ id: Type.String(), role: Type.String() }),
  correlationId: Type.String(),
  causationId: Type.Union([Type.String(), Type.Null()]),
  rule: Type.Optional(
    Type.Object(
      { id: Type.String(), version: Type.Optional(Type.String()) },
      { description: 'A decision event: the rule it applied and the rulebook version it read it from' },
    ),
  ),
  basedOn: Type.Optional(Type.Array(Type.String(), { description: 'A decision event: the ids of the events it was based on' })),
});

/** GET /orders/{orderId}/timeline. */
export const TimelinePageSchema = Type.Object({
  orderId: Type.String(),
  revision: Type.Integer({ description: 'Position of the newest entry: changes whenever the timeline does' }),
  entries: Type.Array(TimelineEntrySchema, { description: 'This page of the entries, in order' }),
  nextCursor: Type.Optional(Type.String({ description: 'Pass as `cursor` for the next page; absent on the last page' })),
  asOf: Type.Optional(Type.String({ format: 'date-time', description: 'With `?asOf`: the instant, in UTC' })),
  streams: Type.Optional(
    Type.Array(
      Type.Object({
        streamId: Type.String(),
        events: Type.Integer({ description: 'Its events recorded by then' }),
        lastEventType: Type.String(),
        lastRecordedAt: Type.String({ format: 'date-time' }),
      }),
      { description: 'With `?asOf`: each stream of the order (order, refunds, cases, shipments) as it stood then' },
    ),
  ),
});
